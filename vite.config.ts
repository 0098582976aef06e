import { chmodSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import webExtension from 'vite-plugin-web-extension';

/**
 * Three builds from one config:
 *   vite build --mode cli       the Node CLI and the eval harness into dist/cli/
 *   vite build --mode chrome    the extension for Chrome into dist/chrome/
 *   vite build --mode firefox   the extension for Firefox into dist/firefox/
 * vite-plugin-web-extension is named in this file only (its README points new projects to WXT).
 */
/** The CLI is a program: `npx firsthand`, `npm link` and a global install run the file itself, so it needs its
 * execute bit (the shebang comes from src/cli/firsthand.ts). */
const executableCli: Plugin = {
  name: 'firsthand-executable-cli',
  writeBundle(options) {
    chmodSync(resolve(options.dir ?? 'dist/cli', 'firsthand.js'), 0o755);
  },
};

const cli: UserConfig = {
  plugins: [executableCli],
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
        bench: 'test/bench/run.ts',
      },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
};

function extension(browser: 'chrome' | 'firefox'): UserConfig {
  return {
    // The bundled corpus pack is inlined into the worker as base64 (`corpus.pack?inline`).
    assetsInclude: ['**/*.pack'],
    // Decoding a checked link's page (src/extract/decode.ts): in a browser, @exodus/bytes's own entry for browsers,
    // which hands decoding to the browser's TextDecoder (right for every encoding, unlike Node's) instead of
    // bundling its own tables for the multi-byte ones (about 280 KB in every page that imports link checks).
    resolve: { alias: { '@exodus/bytes/encoding.js': '@exodus/bytes/encoding-browser.js' } },
    build: { outDir: `dist/${browser}`, emptyOutDir: true, minify: false, sourcemap: false, target: 'es2022' },
    plugins: [
      webExtension({
        browser,
        // The plugin would otherwise download the manifest schema, which cannot work offline.
        skipManifestValidation: true,
        disableAutoLaunch: true,
        printSummary: false,
        // Pages the manifest does not name: opened by the extension itself.
        additionalInputs: ['src/extension/welcome.html', 'src/extension/offscreen.html'],
      }),
    ],
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'cli' || mode === 'test') return cli;
  if (mode === 'firefox') return extension('firefox');
  return extension('chrome');
});
