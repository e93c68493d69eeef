// Serves the pages the e2e tests and the demo open, from 127.0.0.1 on a random port: no other network.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

export interface PageServer {
  origin: string;
  /** The URL of a file under the served folder, e.g. url('news.html'). */
  url(file: string): string;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * A page may stop at `<!--e2e:pause MS-->` for that long, as a slow network would (it is painted meanwhile), and ask
 * at `<!--e2e:empty N-->` for N empty elements: a page huge enough to be read without mutation records while it is
 * parsed (content/watch.ts), kept small in the repository. Other files go out as they are.
 */
async function sendStreamed(response: http.ServerResponse, body: string): Promise<void> {
  const pieces = body.split(/<!--e2e:(pause|empty) (\d+)-->/);
  response.write(pieces[0]!, 'latin1');
  for (let at = 1; at < pieces.length; at += 3) {
    const count = Number(pieces[at + 1]);
    if (pieces[at] === 'pause') await new Promise((resolve) => setTimeout(resolve, count));
    else response.write('<i></i>'.repeat(count));
    response.write(pieces[at + 2]!, 'latin1');
  }
  response.end();
}

export async function startPageServer(root: string): Promise<PageServer> {
  const base = path.resolve(root);
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const file = path.join(base, pathname);
    // Links in the pages point at paths that do not exist; anything outside root is refused too.
    if (!file.startsWith(base + path.sep)) {
      response.writeHead(404).end();
      return;
    }
    fs.readFile(file).then(
      (body) => {
        response.writeHead(200, { 'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream' });
        void sendStreamed(response, body.toString('latin1')).catch(() => response.destroy());
      },
      () => response.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (file) => `${origin}/${file}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
