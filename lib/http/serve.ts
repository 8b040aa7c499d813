/**
 * `npm start`: the production server. Next's request handler listens on a private loopback port; the
 * front (./front.ts) takes the public port. Flags as `next start`: -p/--port, -H/--hostname (or the
 * PORT and HOSTNAME env vars). Needs a finished `next build`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME ?? '0.0.0.0';
const cacheMs = Number(process.env.PAGE_MICROCACHE_MS ?? 1000);

async function main() {
  // As `next start` does, before Next, React and graphql-js load: they pick their production builds from it.
  Object.assign(process.env, { NODE_ENV: 'production' });
  const [{ default: next }, { answerLocalStorefrontRequest, STOREFRONT_API_PATH }, { createFront }, { Microcache }] = await Promise.all([
    import('next'),
    import('@/lib/storefront/local-endpoint'),
    import('./front'),
    import('./microcache'),
  ]);
  const app = next({ dev: false, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const inner = http.createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => inner.listen(0, '127.0.0.1', resolve));
  const upstream = { host: '127.0.0.1', port: (inner.address() as AddressInfo).port };

  const front = createFront({
    upstream,
    cache: new Microcache(cacheMs),
    direct: { path: STOREFRONT_API_PATH, answer: answerLocalStorefrontRequest },
  });
  front.listen(port, hostname, () => console.log(`▲ Ready on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`));

  const shutdown = () => {
    front.close();
    inner.close();
    void app.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
