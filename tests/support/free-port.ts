import net from 'node:net';

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A loopback port nothing listens on. TEST_PORTS ("41060-41069") keeps a checkout's tests to its
 * own range when several share a machine; without it the system picks one.
 */
export async function freePort(taken: ReadonlySet<number> = new Set()): Promise<number> {
  const range = /^(\d+)-(\d+)$/.exec(process.env.TEST_PORTS ?? '');
  if (range) {
    for (let port = Number(range[1]); port <= Number(range[2]); port++) {
      if (!taken.has(port) && (await isFree(port))) return port;
    }
    throw new Error(`No free port in TEST_PORTS=${process.env.TEST_PORTS}.`);
  }
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
