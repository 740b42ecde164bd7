// @ts-check
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import lingui from 'eslint-plugin-lingui';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The groups feature's floor plan (docs/architecture.md): each folder imports only folders on floors below
 * its own (and core/ imports no other folder of the feature). Routes in src/app compose the top floors.
 */
/** Dates, numbers and name order through src/lib/locale.ts only. */
const LOCALE_SELECTORS = [
  {
    selector: "NewExpression[callee.object.name='Intl']",
    message: 'Use the formatters of src/lib/locale.ts: one locale for every date, number and name order.',
  },
  {
    selector:
      'CallExpression[callee.property.name=/^(toLocaleString|toLocaleDateString|toLocaleTimeString|localeCompare)$/]',
    message: 'Use the formatters of src/lib/locale.ts: one locale for every date, number and name order.',
  },
];

const F = './src/features/groups';
const GROUP_FLOORS = [
  ['core'],
  ['rules', 'form', 'roster', 'across', 'delete'],
  ['members', 'history', 'roles'],
  ['detail', 'actions'],
  ['list'],
  ['import-export'],
  ['bulk'],
  ['compare'],
];
const groupFloorZones = GROUP_FLOORS.flatMap((floor, level) =>
  floor.flatMap((folder) =>
    GROUP_FLOORS.slice(level)
      .flat()
      .filter((other) => other !== folder)
      .map((other) => ({
        target: `${F}/${folder}`,
        from: `${F}/${other}`,
        message: `groups/${folder} may import only folders on floors below it; ${other}/ is not (docs/architecture.md).`,
      })),
  ),
);

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
        ...groupFloorZones,
        { target: './src', from: './server', message: 'The console must not import server code.' },
        { target: './server', from: './src', message: 'The server must not import console code.' },
      ],
    },
  ],
};

/**
 * Import direction on the server (docs/architecture.md):
 *   contract ← db ← domain ← db/seed, readers, auth ← http ← handlers ← app.ts ← main.ts
 * contract/ (the document, permissions, errors) imports nothing of the server; db/ (except the seeds)
 * imports only contract/; domain/ imports contract/, db/ and auth/caller.ts; seeds may import domain/,
 * never the reverse; auth/ and readers/ do not import http/; nothing below handlers/ imports it.
 */
const S = './server/src';
const serverDirection = {
  'import-x/no-restricted-paths': [
    'error',
    {
      zones: [
        {
          target: `${S}/contract`,
          from: S,
          except: ['./contract'],
          message: 'contract/ is the bottom layer: it imports nothing else of the server.',
        },
        ...['domain', 'http', 'handlers', 'readers', 'auth', 'app.ts', 'main.ts'].map((from) => ({
          target: `${S}/db/*.ts`,
          from: `${S}/${from}`,
          message: 'db/ (seeds aside) imports only contract/ and db/.',
        })),
        ...['http', 'handlers', 'readers', 'db/seed', 'app.ts', 'main.ts'].map((from) => ({
          target: `${S}/domain`,
          from: `${S}/${from}`,
          message: 'domain/ imports only contract/, db/ (not the seeds) and auth/caller.ts.',
        })),
        {
          target: `${S}/domain`,
          from: `${S}/auth`,
          except: ['./caller.ts'],
          message: 'domain/ imports only contract/, db/ (not the seeds) and auth/caller.ts.',
        },
        ...['db/seed', 'auth', 'readers'].flatMap((target) =>
          ['http', 'handlers', 'app.ts', 'main.ts'].map((from) => ({
            target: `${S}/${target}`,
            from: `${S}/${from}`,
            message: `${target}/ must not import the HTTP layer, the handlers or the app.`,
          })),
        ),
        ...['domain', 'handlers', 'app.ts', 'main.ts'].map((from) => ({
          target: `${S}/http`,
          from: `${S}/${from}`,
          message: 'http/ serves the handlers it is given: it imports no domain code, handlers or app.',
        })),
        ...['app.ts', 'main.ts'].map((from) => ({
          target: `${S}/handlers`,
          from: `${S}/${from}`,
          message: 'handlers/ must not import the app.',
        })),
      ],
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'server/dist/',
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
      // Keys and invalidation are declared once: generated get…QueryKey() builders (src/api/keys/), the
      // feature's composed-query keys (core/group-tool-keys.ts), and INVALIDATES (core/group-mutations.ts);
      // permission names once, in the generated operation table (src/api/generated/contract.ts).
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='invalidateQueries']",
          message:
            'Declare what a write refreshes in INVALIDATES (core/group-mutations.ts); only the query client and refreshAfterRun invalidate.',
        },
        {
          selector: "CallExpression[callee.property.name='removeQueries']",
          message: 'Forget a deleted group with forgetGroup (core/group-mutations.ts).',
        },
        {
          selector: "Property[key.name='queryKey'] > ArrayExpression > Literal:first-child",
          message:
            'No hand-written query keys: use a generated get…QueryKey() (src/api/keys/) or core/group-tool-keys.ts.',
        },
        // A control asks for what the operation it offers requires, from the generated table.
        {
          selector: 'Literal[value=/^(directory|authorization|audits|routing|users?|presence):/]',
          message:
            "No hand-written permission names: use permissionOf('<operationId>') or SEE_ALL_GROUPS_PERMISSION (lib/permission-names.ts).",
        },
        // One locale for every date, number and name order (the browser's own would mix formats).
        ...LOCALE_SELECTORS,
      ],
    },
  },
  {
    // Every word a person reads goes through the catalogue (lingui.config.ts): a literal string in JSX, in a
    // label or in a notification fails. Strings that are not words for people pass: class names, test ids,
    // keys, URLs, MIME types, single lower-case tokens (`variant="light"`), and what a few functions take
    // (errors for developers, storage keys, query parameters).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/**/__tests__/**', 'src/testing/**', 'src/api/generated/**'],
    plugins: { lingui },
    rules: {
      ...lingui.configs.recommended.rules,
      'lingui/no-unlocalized-strings': [
        'error',
        {
          ignore: [
            // one token without spaces that does not start with a capital: keys, paths, ids, CSS values
            '^(?![A-Z])\\S+$',
            // constants and codes
            '^[A-Z0-9_.:-]+$',
          ],
          ignoreNames: [
            {
              regex: {
                pattern:
                  'className|ClassName|classNames|style|Style|testid|TestId|Key$|^key$|^id$|Id$|^type$|^href$|^to$|^src$|^rel$|^target$|^name$|^method$|^accept$|^mime|Mime|^pattern$|^role$|^ff$|^fw$|^c$|^color$|^variant$|^size$|^path$|^url$|Url$|^aria-(controls|labelledby|describedby|live|current|haspopup|hidden|expanded|selected|checked|sort|invalid|busy|modal|orientation|owns|activedescendant)$|^data-',
              },
            },
          ],
          ignoreFunctions: [
            'Error',
            '*Error',
            'console.*',
            '*.setItem',
            '*.getItem',
            '*.removeItem',
            '*.set',
            '*.get',
            '*.has',
            '*.append',
            '*.delete',
            '*.addEventListener',
            '*.removeEventListener',
            '*.querySelector',
            '*.querySelectorAll',
            '*.getElementById',
            '*.startsWith',
            '*.endsWith',
            '*.includes',
            '*.split',
            '*.join',
            '*.replace',
            '*.replaceAll',
            '*.matchMedia',
            '*.postMessage',
            '*.setAttribute',
            '*.getAttribute',
            'new URL',
            'URL',
            'URLSearchParams',
            'permissionOf',
            'invariant',
          ],
        },
      ],
    },
  },
  {
    // Every dialog and drawer gives focus back to its opener and opens on its first field.
    files: ['src/**/*.{ts,tsx}'],
    // The theme's defaults for Mantine's own (which the wrappers render) are set in config/theme.ts.
    ignores: ['src/components/dialogs/dialog-views.tsx', 'src/config/theme.ts', 'src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@mantine/core',
              importNames: ['Modal', 'Drawer'],
              message: "Use Modal and Drawer from '@/components/dialogs/dialogs' (focus on open and on close).",
            },
          ],
        },
      ],
    },
  },
  {
    // The formatters themselves.
    files: ['src/lib/locale.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The one place each: the query client's MutationCache and the long runs' refresh.
    files: ['src/app/query-client.ts', 'src/features/groups/core/group-mutations.ts', 'src/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The parity tests hold the console's group rules and permission matcher to the server's: the only
    // console files that read server code.
    files: ['src/lib/__tests__/*.parity.test.ts'],
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
    files: ['server/src/**/*.ts'],
    rules: {
      // Both lists of zones apply to server files (a later rule setting replaces an earlier one).
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...importDirection['import-x/no-restricted-paths'][1].zones,
            ...serverDirection['import-x/no-restricted-paths'][1].zones,
          ],
        },
      ],
    },
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
