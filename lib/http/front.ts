import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { header, withoutHeaders, withoutHopByHop, type CachedResponse, type Microcache } from './microcache';
import { plainRequestFromNode, type PlainAnswer, type PlainRequest } from './plain-http';
import { securityHeaders } from './security-headers';

const CONDITIONAL_HEADERS = new Set(['if-none-match', 'if-modified-since']);

export interface FrontOptions {
  /** Where Next's request handler listens (loopback). */
  upstream: { host: string; port: number };
  cache: Microcache;
  /** Requests this front answers itself, without Next's router (the local Storefront API). */
  direct: { path: RegExp; answer: (request: PlainRequest) => Promise<PlainAnswer> } | null;
}

/**
 * The production HTTP front: serves prerendered pages from the microcache, answers the local
 * Storefront API directly, and passes everything else to Next unchanged (streamed both ways).
 * Next's request pipeline costs milliseconds of CPU per request even for a prerendered page (measured
 * with bench/: 262 req/s against 1,056 for a static server with the same HTML); the front skips it on
 * the hot paths.
 */
export function createFront({ upstream, cache, direct }: FrontOptions): http.Server {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

  return http.createServer((request, response) => {
    const path = request.url?.split('?', 1)[0] ?? '/';
    if (direct && direct.path.test(path)) {
      answerDirectly(request, response, direct).catch((error: unknown) => fail(response, error));
      return;
    }

    const key = cache.keyFor(request.method, request.url, request.headers);
    const cached = key ? cache.lookup(key) : null;
    if (key && cached) {
      sendCached(request, response, cached.entry, cached.stale ? 'STALE' : 'HIT');
      if (cached.refresh) refresh(key, request);
      return;
    }

    const proxied = forward(request, (answer) => {
      const status = answer.statusCode ?? 502;
      response.writeHead(status, answer.statusMessage, [...withoutHopByHop(answer.rawHeaders), 'X-Front-Cache', 'MISS']);
      if (!key || request.method !== 'GET') {
        answer.pipe(response);
        return;
      }
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        response.write(chunk);
      });
      answer.on('end', () => {
        response.end();
        cache.store(key, status, answer.rawHeaders, Buffer.concat(chunks));
      });
      answer.on('error', (error) => response.destroy(error));
    });
    proxied.on('error', (error) => fail(response, error));
    request.pipe(proxied);
  });

  function forward(request: IncomingMessage, onAnswer: (answer: IncomingMessage) => void, method = request.method, headers = withoutHopByHop(request.rawHeaders)): http.ClientRequest {
    return http.request({ host: upstream.host, port: upstream.port, agent, method, path: request.url, headers }, onAnswer);
  }

  /** Fetches a fresh copy of an expired page in the background, with the headers of the request that found it. */
  function refresh(key: string, request: IncomingMessage): void {
    const fetching = forward(
      request,
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => cache.store(key, answer.statusCode ?? 502, answer.rawHeaders, Buffer.concat(chunks)));
        answer.on('error', () => cache.forget(key));
      },
      'GET',
      // A full answer to keep, never a 304 for the shopper's own copy.
      withoutHeaders(withoutHopByHop(request.rawHeaders), CONDITIONAL_HEADERS),
    );
    fetching.on('error', () => cache.forget(key));
    fetching.end();
  }
}

function sendCached(request: IncomingMessage, response: ServerResponse, entry: CachedResponse, state: 'HIT' | 'STALE'): void {
  if (entry.etag && request.headers['if-none-match'] === entry.etag) {
    response.writeHead(304, ['ETag', entry.etag, 'Cache-Control', header(entry.headers, 'cache-control') ?? '', 'X-Front-Cache', state]);
    response.end();
    return;
  }
  response.writeHead(entry.status, [...entry.headers, 'X-Front-Cache', state]);
  response.end(request.method === 'HEAD' ? undefined : entry.body);
}

async function answerDirectly(request: IncomingMessage, response: ServerResponse, route: NonNullable<FrontOptions['direct']>): Promise<void> {
  const answer = await route.answer(plainRequestFromNode(request));
  const headers: string[] = securityHeaders.flatMap(({ key, value }) => [key, value]);
  for (const [name, value] of Object.entries(answer.headers)) headers.push(name, value);
  const body = answer.body === null ? null : Buffer.from(answer.body);
  response.writeHead(answer.status, [...headers, 'Content-Length', String(body?.length ?? 0)]);
  response.end(body ?? undefined);
}

function fail(response: ServerResponse, error: unknown): void {
  console.error('[front]', error);
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end('The page could not be served right now. Please try again.');
}
