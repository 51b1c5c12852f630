import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The web app's build. Its root is src/web; the output goes to dist/web, which the server
 * serves at `/` with an SPA fallback. Nothing is loaded from another origin: no CDN, no web
 * fonts, no analytics (the server's CSP would refuse them anyway).
 *
 * An installable app (vite-plugin-pwa): a manifest with the olive-branch icons and a service
 * worker that keeps the app shell on the device, so it opens without the server. The API is
 * never cached: private data lives on the server, encrypted (the safety plan alone keeps an
 * encrypted copy on the device, see offline.ts).
 */
export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [
    preact(),
    VitePWA({
      registerType: 'autoUpdate',
      // A script file, not an inline script: the server's CSP refuses inline code.
      injectRegister: 'script',
      includeAssets: [
        'icon-light.svg',
        'icon-dark.svg',
        'apple-touch-icon-light.png',
        'apple-touch-icon-dark.png',
      ],
      manifest: {
        id: '/',
        name: 'Olive Branch',
        short_name: 'Olive Branch',
        description: 'A private companion for repairing a relationship after a breakup, or moving on well.',
        start_url: '/#/today',
        scope: '/',
        display: 'standalone',
        background_color: '#faf7f0',
        theme_color: '#4d6b2f',
        icons: [
          { src: '/icon-light-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-light-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon-light-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icon-light.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/healthz/],
        cleanupOutdatedCaches: true,
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
    }),
  ],
  publicDir: 'public',
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
