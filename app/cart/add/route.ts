import { addToCart } from '../actions';
import { handleFormPost } from '../form-post';

export const POST = (request: Request) => handleFormPost(request, addToCart);
