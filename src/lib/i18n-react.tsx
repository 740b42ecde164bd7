import { i18n } from '@lingui/core';
import { TransNoContext, type TransProps } from '@lingui/react/server';

/**
 * What Lingui's React macros (`<Trans>`, `useLingui`) compile to (lingui.config.ts,
 * `runtimeConfigModule`): the console's one catalogue, without a React context. A page shows one
 * language from load to load (a new choice reloads it: locale.ts), so nothing needs to re-render on a
 * change of language, and components render the same in tests without a provider.
 */
const lingui = { i18n };

/**
 * `<Trans>` reads its message's inline elements (`<0>…</0>`) after putting the values in, so a value with
 * angle brackets (a group named "<b>Ops</b>") would be read as markup: its text lost, or the message
 * refused. Such a value goes in as an element of its own, whose text React escapes.
 */
const asText = (values: TransProps['values']): TransProps['values'] =>
  values &&
  Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      key,
      typeof value === 'string' && /[<>]/.test(value) ? <>{value}</> : value,
    ]),
  );

export const Trans = (props: TransProps) => <TransNoContext {...props} values={asText(props.values)} lingui={lingui} />;

const context = { i18n, _: i18n._.bind(i18n) };

export const useLingui = () => context;
