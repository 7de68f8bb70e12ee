import { defineConfig } from 'vite';

// The dashboard is static files that `entente serve` hands out beside the API; relative asset
// paths so it works under any mount point.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: { '/api': process.env.ENTENTE_API ?? 'http://127.0.0.1:8787' },
  },
});
