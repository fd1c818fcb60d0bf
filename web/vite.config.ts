import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The dashboard: Preact with Vite's own JSX transform (oxc), built to web/dist
// and served by `shakeout serve` from the same origin as the API.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // one chunk per page, loaded when the page opens
    chunkSizeWarningLimit: 800,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
});
