/** A catalogue of the console's words, compiled by the build from its .po file (lingui.config.ts). */
declare module '*.po' {
  import type { Messages } from '@lingui/core';

  export const messages: Messages;
}
