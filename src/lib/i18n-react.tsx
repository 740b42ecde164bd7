import { i18n } from '@lingui/core';
import { TransNoContext, type TransProps } from '@lingui/react/server';

/**
 * What Lingui's React macros (`<Trans>`, `useLingui`) compile to (lingui.config.ts,
 * `runtimeConfigModule`): the console's one catalogue, without a React context. A page shows one
 * language from load to load (a new choice reloads it: locale.ts), so nothing needs to re-render on a
 * change of language, and components render the same in tests without a provider.
 */
const lingui = { i18n };

export const Trans = (props: TransProps) => <TransNoContext {...props} lingui={lingui} />;

const context = { i18n, _: i18n._.bind(i18n) };

export const useLingui = () => context;
