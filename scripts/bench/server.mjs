// A static server for the benchmark, behaving like the host a reader would meet: text is sent gzip-
// compressed when the browser accepts it, fingerprinted assets (/_astro/) are cacheable for a year,
// and the security headers of public/_headers (its "/*" block) are sent with every response.
// Map tiles are answered locally (the site is built with PUBLIC_TILE_URL pointing here) with one plain
// 256×256 PNG, so no request leaves the machine and tiles never count towards page weight.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { crc32, deflateSync, gzipSync } from 'node:zlib';

/** Path prefix of the stub tiles: build with PUBLIC_TILE_URL=`${origin}${TILE_PREFIX}{z}/{x}/{y}.png`. */
export const TILE_PREFIX = '/__tiles/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = /^(text\/|application\/(json|geo\+json|xml)|image\/svg)/;

/** A valid PNG of one flat colour (the map background's), `size` pixels square. */
export function flatPng(size = 256, rgb = [0xe6, 0xec, 0xee]) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The headers of the "/*" block of a Netlify/Cloudflare `_headers` file. */
export function siteHeaders(text) {
  const headers = {};
  let inBlock = false;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      inBlock = line.trim() === '/*';
      continue;
    }
    const m = /^\s+([A-Za-z-]+):\s*(.*)$/.exec(line);
    if (inBlock && m) headers[m[1]] = m[2];
  }
  return headers;
}

/** Serves `root` on 127.0.0.1:`port`; resolves to { url, close }. */
export async function serve(root, port) {
  const tile = flatPng();
  let security = {};
  try {
    security = siteHeaders(readFileSync(join(root, '_headers'), 'utf8'));
  } catch {
    // A build without _headers is served without them.
  }
  // Compressed bodies are kept, as a host's cache would: the benchmark loads each page several times.
  const gz = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.startsWith(TILE_PREFIX)) {
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'public, max-age=86400' }).end(tile);
      return;
    }
    const safe = normalize(path).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, safe.endsWith('/') ? `${safe}index.html` : safe);
    let body;
    try {
      body = await readFile(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers = {
      ...security,
      'content-type': type,
      'cache-control': path.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
      vary: 'accept-encoding',
    };
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      let zipped = gz.get(file);
      if (!zipped) gz.set(file, (zipped = gzipSync(body)));
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(zipped);
    } else {
      res.writeHead(200, headers).end(body);
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
