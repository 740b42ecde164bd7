// @ts-check
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Import direction in the console: shared code (api, components, lib, config, testing) → features → app.
 * Shared code never imports features or app; features never import app.
 */
const importDirection = {
  'import-x/no-restricted-paths': [
    'error',
    {
      zones: [
        { target: './src/features', from: './src/app', message: 'Features must not import from app/.' },
        ...['api', 'components', 'lib', 'config'].flatMap((dir) => [
          {
            target: `./src/${dir}`,
            from: './src/features',
            message: `src/${dir} is shared code: it must not import features.`,
          },
          { target: `./src/${dir}`, from: './src/app', message: `src/${dir} is shared code: it must not import app/.` },
        ]),
        { target: './src', from: './server', message: 'The console must not import server code.' },
        { target: './server', from: './src', message: 'The server must not import console code.' },
      ],
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'data/',
      'node_modules/',
      'src/api/generated/',
      'test-results/',
      'playwright-report/',
      'bench/.tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { typescript: true, node: true } },
    rules: {
      ...importDirection,
      'import-x/no-cycle': ['error', { maxDepth: 8 }],
      'import-x/no-duplicates': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // One network door: only src/api/http.ts talks to the network.
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Use the generated hooks or src/api/http.ts.' }],
    },
  },
  {
    // The parity test holds the console's group rules to the server's: the one console file that reads server code.
    files: ['src/lib/__tests__/group-rules.parity.test.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { zones: importDirection['import-x/no-restricted-paths'][1].zones.filter((z) => z.from !== './server') },
      ],
    },
  },
  {
    files: ['src/api/http.ts', 'src/**/*.test.{ts,tsx}', 'src/testing/**'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: [
      'server/**/*.ts',
      'e2e/**/*.ts',
      'scripts/**/*.{ts,js,mjs}',
      'bench/**/*.{ts,js,mjs}',
      '*.config.{ts,js,cjs}',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
);
