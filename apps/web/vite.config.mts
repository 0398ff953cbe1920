import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The web UI: built into dist/apps/web, which the API serves at `/` (same origin as `/api`).
 * `nx run web:serve` runs Vite's dev server with `/api` proxied to a running API.
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@banli/domain': fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url)),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
  server: {
    port: 4200,
    proxy: { '/api': process.env['BANLI_API_URL'] ?? 'http://127.0.0.1:3000' },
  },
});
