import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, readBody } from '@/lib/security/read-body';

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://localhost/api/vitals', {
    method: 'POST',
    body,
    headers,
    duplex: 'half',
  } as RequestInit);

function chunked(parts: number, size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent === parts) return controller.close();
      sent += 1;
      controller.enqueue(new Uint8Array(size).fill(120));
    },
  });
}

describe('reading a body with a limit', () => {
  it('returns the bytes under the limit', async () => {
    expect((await readBody(post('{"a":1}'), 100)).toString()).toBe('{"a":1}');
  });

  it('refuses an announced size over the limit before reading', async () => {
    await expect(readBody(post('x', { 'content-length': '5000' }), 100)).rejects.toBeInstanceOf(
      BodyTooLargeError,
    );
  });

  it('refuses a streamed body as soon as it passes the limit, without reading the rest', async () => {
    const stream = chunked(1000, 64);
    await expect(readBody(post(stream), 1000)).rejects.toThrow('larger than 1,000 bytes');
  });
});
