/**
 * The hidden fields React renders into a Server Action form for posts before hydration ($ACTION_…),
 * read from the server HTML, so a test can post the form the way a browser without JavaScript does.
 */
export function actionFormFields(html: string): Record<string, string> {
  const form = /<form[^>]*>([\s\S]*?)<\/form>/g;
  for (const [, body] of html.matchAll(form)) {
    const fields = Object.fromEntries(
      [...body!.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/?>/g)].map(
        ([, name, value]) => [decode(name!), decode(value ?? '')],
      ),
    );
    if (Object.keys(fields).some((name) => name.startsWith('$ACTION_'))) return fields;
  }
  throw new Error('No Server Action form in this page.');
}

function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
