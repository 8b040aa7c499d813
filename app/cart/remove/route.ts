import { removeLine } from '../actions';
import { handleFormPost } from '../form-post';

export const POST = (request: Request) => handleFormPost(request, removeLine);
