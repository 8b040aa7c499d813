/**
 * The CSP nonce of this response, for scripts this page adds itself. The nginx front writes it into
 * every script tag; browsers hide the attribute's value but keep the `nonce` property.
 */
export function pageNonce(): string {
  return document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ?? '';
}
