import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Node's http module serving one buffer: the fastest a Node static file server gets.
const SERVER_SOURCE = `
const http = require('node:http');
const body = require('node:fs').readFileSync(process.argv[1]);
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

/**
 * The reference for throughput: the same HTML bytes served from memory, on the same machine in the same
 * run. In its own process, as the app's server is, so it does not share an event loop with the load
 * generator.
 */
export async function startStaticServer(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'd3k2-static-')), 'page.html');
  fs.writeFileSync(file, html);
  const child = spawn(process.execPath, ['-e', SERVER_SOURCE, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    child.once('exit', (code) => reject(new Error(`the static server exited with code ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
