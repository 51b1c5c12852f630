import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/**
 * The web app's build. Its root is src/web; the output goes to dist/web, which the server
 * serves at `/` with an SPA fallback. Nothing is loaded from another origin: no CDN, no web
 * fonts, no analytics (the server's CSP would refuse them anyway).
 */
export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [preact()],
  publicDir: false,
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    // The first screen stays small; every other screen is a lazy chunk.
    chunkSizeWarningLimit: 150,
  },
  worker: { format: 'es' },
  server: {
    // During development the API runs on its own port (olive serve); Vite proxies to it.
    proxy: { '/api': 'http://127.0.0.1:5178', '/healthz': 'http://127.0.0.1:5178' },
  },
});
