import { defineConfig } from '@lingui/conf';
import { formatter } from '@lingui/format-po';

/**
 * The console's words: English is the source, written in the code through Lingui's macros; `npm run
 * i18n:extract` gathers them into one catalogue per language (src/locales/<locale>.po), which the build
 * compiles and the console loads for the language it shows (src/lib/i18n.ts). `en-XA` is the
 * pseudo-locale tests read: every word accented, longer by two fifths and bracketed, so a word that does
 * not go through the catalogue, or a layout that cannot take longer words, shows.
 */
export default defineConfig({
  sourceLocale: 'en',
  locales: ['en', 'es', 'de', 'ja', 'pt-BR', 'en-XA'],
  pseudoLocale: { locale: 'en-XA', prepend: '⟦', append: '⟧', extend: 0.4 },
  fallbackLocales: { default: 'en' },
  // `<Trans>` and `useLingui` read the console's one catalogue, without a React context (src/lib/i18n-react.tsx).
  runtimeConfigModule: { Trans: ['@/lib/i18n-react', 'Trans'], useLingui: ['@/lib/i18n-react', 'useLingui'] },
  catalogs: [
    {
      path: '<rootDir>/src/locales/{locale}',
      include: ['<rootDir>/src'],
      exclude: ['**/__tests__/**', '**/*.test.{ts,tsx}', '<rootDir>/src/api/generated/**', '<rootDir>/src/testing/**'],
    },
  ],
  format: formatter({ lineNumbers: false, origins: false }),
  orderBy: 'messageId',
});
