import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        window: 'readonly', document: 'readonly', console: 'readonly', process: 'readonly',
        setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly',
        URL: 'readonly', Blob: 'readonly', performance: 'readonly', location: 'readonly',
      },
    },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The content script's classes declare their fields: esbuild 0.28 mangles the assignment of a parameter
    // property but not the field it declares (evanw/esbuild#4528), which leaves a stray unmangled field in the bundle.
    files: ['src/scan/**/*.ts', 'src/content/**/*.ts', 'src/bounded.ts'],
    rules: { '@typescript-eslint/parameter-properties': 'error' },
  },
);
