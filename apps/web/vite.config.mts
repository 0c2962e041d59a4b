// The browser app, served by the API process at /app/ (one origin: the API routes stay where they are).
import path from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/app/',
  build: {
    outDir: path.resolve(import.meta.dirname, '../../dist/web'),
    emptyOutDir: true,
    rollupOptions: {
      // React Query marks its modules "use client" for server-component bundlers; irrelevant to an SPA.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  // `npm run dev:web` proxies the API to a running `npm start`.
  server: { proxy: { '^/(?!app/|@|src/|node_modules/).*': 'http://localhost:3000' } },
});
