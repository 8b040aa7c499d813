import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The reference for throughput: the same HTML bytes served from memory by Node's http module, the
 * fastest a Node static file server gets, on the same machine in the same run.
 */
export async function startStaticServer(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const body = Buffer.from(html);
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
