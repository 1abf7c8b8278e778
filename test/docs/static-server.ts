// Serves a built docs site under /docs/ on loopback, as the platform does, so the browser test
// sees the same path prefix. Anything outside /docs/ is a 404.
import { readFile, stat } from 'node:fs/promises';
import { type AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

export async function serveDocs(dir: string): Promise<{ base: string; close: () => Promise<void> }> {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!path.startsWith('/docs/')) return void res.writeHead(404).end();
    const file = join(dir, normalize(path.slice('/docs/'.length)).replace(/^(\.\.[/\\])+/, '') || 'index.html');
    try {
      const target = (await stat(file)).isDirectory() ? join(file, 'index.html') : file;
      res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' }).end(await readFile(target));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}/docs/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
