// ESLint (flat config) with typescript-eslint. Formatting is Prettier's (`npm run fix`); these are correctness rules.
// The layer borders (the engine imports nothing outside itself, glue enters the engine only by src/core/index.ts,
// no import circles, each engine stage imports only the stages below it) are checked by test/conventions.test.ts.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'src/core/judge/rewrite-model.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // The engine: no DOM, browser or Node globals (its tsconfig has none either), and nothing imported from outside.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'linkedom', 'webextension-polyfill', '@mozilla/*', '../../*'],
              message: 'the engine imports nothing outside src/core',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'src/extension/**/*.ts', 'src/extract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../core/*'], message: 'enter the engine through src/core (its index.ts)' }] },
      ],
    },
  },
);
