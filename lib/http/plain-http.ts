/**
 * An HTTP exchange reduced to what a small endpoint needs, so the same endpoint code serves a Fetch API
 * route handler and a plain Node server without either paying for the other's objects.
 */
export interface PlainRequest {
  method: string;
  contentType: string | null;
  /** The body as text; rejects with BodyTooLarge past `limit` bytes, whatever Content-Length claims. */
  readBody(limit: number): Promise<string>;
}

export interface PlainAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

export class BodyTooLarge extends Error {}
