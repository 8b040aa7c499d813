import { handleFormPost } from '../../cart/form-post';
import { placeOrder } from '../actions';

export const POST = (request: Request) => handleFormPost(request, placeOrder);
