/**
 * Sent by Next with every response. The page loads nothing from other origins, so the policy can be
 * strict. Scripts are the exception: Next's static pages carry inline scripts (the RSC payload) that
 * a header fixed at build time cannot name, so the script policy, with a fresh nonce per response, is
 * added by the nginx front (deploy/nginx) for every page it serves. The README says why.
 */
export const contentSecurityPolicy = [
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  // Browsers ignore HSTS on plain HTTP, so it is safe to send always; over HTTPS it pins the site.
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];
