// A minimal static file server for a built folder other than dist/ (the hostile-content, paged and
// base-path builds). Serves "/x/" as "x/index.html" like a static host does; loopback only. With a
// `base` (e.g. "/almaty-projects/") the folder is served under that sub-path, as a host would serve a
// site built with BASE_PATH, and everything outside it is 404.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.geojson': 'application/geo+json',
};

export async function serve(root: string, { base = '/' }: { base?: string } = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(base)) {
      res.writeHead(404).end('not found');
      return;
    }
    const safe = normalize(`/${path.slice(base.length)}`).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, safe.endsWith('/') ? `${safe}index.html` : safe);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // Closing waits for every open connection to end; the worker's browser context outlives the file's
  // tests (reuseContext) and may still hold one, a request under way included, which once kept an
  // afterAll waiting past its 30 s. The tests are over by then: end them all.
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
