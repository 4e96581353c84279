import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
/** Where the API to develop against answers (`npm start` in another terminal). */
const api = process.env.RACI_API_URL ?? 'http://localhost:3000';
/** Everything the engine answers besides the console's own pages. */
const API_PATHS = ['/v1', '/auth', '/health', '/docs'];

/**
 * The console: built into the engine's `dist/console`, which the API serves at `/`; in development,
 * Vite serves it and passes the API's paths to a running engine, cookies included.
 */
export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      // Mantine marks its modules "use client", which means nothing to a single-page app.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: Object.fromEntries(API_PATHS.map((path) => [path, { target: api }])),
  },
});
