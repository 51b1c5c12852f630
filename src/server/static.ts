/**
 * The built web app (Vite output in dist/web) at `/`, with SPA fallback so a reload on
 * `/journal` still opens the app. Hashed files under /assets/ never change, so browsers may
 * keep them for a year; everything else is revalidated. No directory listings, no path
 * escapes, nothing outside the web root.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'hono';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Olive Branch</title></head>
<body>
<main>
<h1>Olive Branch</h1>
<p>The server is running, but the web app is not built yet.</p>
<p>Run <code>npm run build</code> (or <code>npm start</code>, which builds first), then reload this page.</p>
<p>The API is available: see <a href="/api/docs">/api/docs</a>.</p>
</main>
</body>
</html>
`;

/** The content type for a file name (by extension), `application/octet-stream` when unknown. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Resolves a URL path inside `root`, or null when it would escape it or is not a plain path.
 *
 * @example
 * resolveInside('/srv/web', '/assets/app-1a2b.js') // '/srv/web/assets/app-1a2b.js'
 * resolveInside('/srv/web', '/../etc/passwd') // null
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const resolved = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  const rootResolved = path.resolve(root);
  if (resolved !== rootResolved && !resolved.startsWith(`${rootResolved}${path.sep}`)) return null;
  return resolved;
}

async function send(c: Context, file: string): Promise<Response> {
  if (c.req.method === 'HEAD') return c.body(null);
  return c.body(new Uint8Array(await readFile(file)));
}

/**
 * Answers a GET/HEAD for the web app: the file, index.html for app routes, or the
 * "not built" page when there is no build.
 *
 * @example
 * app.get('*', (c) => serveWebApp(c, '/srv/olive/dist/web'));
 */
export async function serveWebApp(c: Context, webRoot: string | null): Promise<Response> {
  const urlPath = new URL(c.req.url).pathname;
  const index = webRoot ? path.join(webRoot, 'index.html') : null;
  if (!webRoot || !index || !(await isFile(index))) {
    if (urlPath === '/' || urlPath === '/index.html' || !path.extname(urlPath)) {
      c.header('Cache-Control', 'no-store');
      return c.html(NOT_BUILT_PAGE, 200);
    }
    return c.text('Not found', 404);
  }
  const file = resolveInside(webRoot, urlPath);
  if (file && urlPath !== '/' && (await isFile(file))) {
    const hashed = urlPath.startsWith('/assets/');
    c.header('Content-Type', contentTypeFor(file));
    c.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    return send(c, file);
  }
  // A missing file with an extension is a real 404; anything else is an app route.
  if (path.extname(urlPath) && urlPath !== '/index.html') return c.text('Not found', 404);
  c.header('Content-Type', 'text/html; charset=utf-8');
  c.header('Cache-Control', 'no-cache');
  return send(c, index);
}
