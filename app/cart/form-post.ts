import 'server-only';

/**
 * Runs a form handler and answers 303 See Other, so the browser follows with a GET and a reload
 * does not post the form again. Anything that is not a form gets a clear 400.
 */
export async function handleFormPost(request: Request, handler: (formData: FormData) => Promise<string>): Promise<Response> {
  // Browsers send Origin with form posts: a post from another site never changes a shopper's cart.
  const origin = request.headers.get('origin');
  if (origin && origin !== 'null' && new URL(origin).host !== request.headers.get('host')) {
    return new Response('Forms can only be sent from this site.', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return new Response('Send this form from the page (expected form data).', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const location = await handler(formData);
  return new Response(null, { status: 303, headers: { Location: location } });
}
