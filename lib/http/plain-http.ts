import type { IncomingMessage } from 'node:http';

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

/** A Fetch API Request (Next route handlers, tests) as a PlainRequest. */
export function plainRequestFromFetch(request: Request): PlainRequest {
  return {
    method: request.method,
    contentType: request.headers.get('content-type'),
    async readBody(limit) {
      if (Number(request.headers.get('content-length')) > limit) throw new BodyTooLarge();
      if (!request.body) return '';
      const reader = request.body.getReader();
      const chunks: Uint8Array[] = [];
      let size = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > limit) {
          await reader.cancel();
          throw new BodyTooLarge();
        }
        chunks.push(value);
      }
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

export function responseFromPlain(answer: PlainAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

/** A Node request (the production HTTP front) as a PlainRequest. */
export function plainRequestFromNode(request: IncomingMessage): PlainRequest {
  return {
    method: request.method ?? 'GET',
    contentType: request.headers['content-type'] ?? null,
    readBody: (limit) =>
      new Promise((resolve, reject) => {
        if (Number(request.headers['content-length']) > limit) return reject(new BodyTooLarge());
        const chunks: Buffer[] = [];
        let size = 0;
        const onData = (chunk: Buffer) => {
          size += chunk.length;
          if (size <= limit) return void chunks.push(chunk);
          // Stop keeping it, but let it drain, so the client still reads the 413 instead of a reset.
          request.off('data', onData);
          request.resume();
          reject(new BodyTooLarge());
        };
        request.on('data', onData);
        request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        request.on('error', reject);
      }),
  };
}
