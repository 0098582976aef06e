import { defineConfig, type UserConfig } from 'vite';

/**
 * Two builds from one config:
 *   vite build --mode cli   the Node CLI (and the eval and bench scripts) into dist/cli/
 *   vite build              the extension (added with the extension itself)
 */
const cli: UserConfig = {
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist/cli',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: {
        firsthand: 'src/cli/firsthand.ts',
        eval: 'test/eval/run.ts',
      },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
};

export default defineConfig(({ mode }) => (mode === 'cli' ? cli : cli));
