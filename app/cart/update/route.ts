import { updateLine } from '../actions';
import { handleFormPost } from '../form-post';

export const POST = (request: Request) => handleFormPost(request, updateLine);
