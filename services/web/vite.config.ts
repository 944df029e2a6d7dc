import { defineConfig } from 'vite';

/** Built to static files the engine node serves at `/`; relative asset paths so any mount point works. */
export default defineConfig({
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2048 },
});
