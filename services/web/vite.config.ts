import { defineConfig } from 'vite';

/** Built to static files the engine node serves at `/`; relative asset paths so any mount point works. */
export default defineConfig({
  base: './',
  // Workspace packages from their TypeScript sources (`source` in their exports), as the tests resolve them: no build of theirs needed first.
  resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2048 },
});
