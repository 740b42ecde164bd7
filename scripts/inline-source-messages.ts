import { compileMessage } from '@lingui/message-utils/compileMessage';
import MagicString from 'magic-string';
import type { Plugin } from 'vite';

/**
 * The console's English words stay in its code, compiled, so that English needs no catalogue.
 *
 * Lingui's macros leave each message as a descriptor, `{ id, message }`. A production build keeps only the
 * id and looks the words up in the language's catalogue: English would then fetch every English message of
 * the console before its first screen. This plugin keeps the message instead, compiled ahead (what
 * `lingui compile` writes into a catalogue): `"{count} members"` becomes `[["count"]," members"]`. Lingui
 * shows it when the active catalogue has no entry for the id, so English, which loads an empty catalogue,
 * shows its own words, and other languages show theirs from their catalogue. No message parser is
 * shipped.
 */
export const inlineSourceMessages = (): Plugin => ({
  name: 'inline-source-messages',
  apply: 'build',
  enforce: 'post',
  transform: {
    filter: { id: /\/src\/.*\.[cm]?[jt]sx?$/, code: /\bmessage\b/ },
    handler(code) {
      const out = compileMessagesIn(code, (source) => this.parse(source));
      return out === null ? null : { code: out.toString(), map: out.generateMap({ hires: true }) };
    },
  },
});

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

const keyName = (property: Node): string | undefined => {
  const key = property.key as Node | undefined;
  if (!key || property.computed) return undefined;
  if (key.type === 'Identifier') return key.name as string;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return undefined;
};

const stringValue = (node: Node | undefined): string | undefined =>
  node?.type === 'Literal' && typeof node.value === 'string' ? node.value : undefined;

/**
 * `code` with the `message` of every `{ id: "…", message: "…" }` object compiled, or null when it has
 * none. `parse` gives the code's ESTree (the bundler's own parser in the plugin).
 */
export const compileMessagesIn = (code: string, parse: (code: string) => unknown): MagicString | null => {
  const out = new MagicString(code);
  let changed = false;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!isNode(node)) return;
    if (node.type === 'ObjectExpression') {
      const properties = (node.properties as Node[]).filter((p) => p.type === 'Property');
      const id = properties.find((p) => keyName(p) === 'id');
      const message = properties.find((p) => keyName(p) === 'message');
      const text = stringValue(message?.value as Node | undefined);
      if (id && stringValue(id.value as Node) !== undefined && message && text !== undefined) {
        const value = message.value as Node;
        out.overwrite(value.start, value.end, JSON.stringify(compileMessage(text)));
        changed = true;
      }
    }
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'type' && key !== 'start' && key !== 'end' && typeof child === 'object') visit(child);
    }
  };
  visit(parse(code));
  return changed ? out : null;
};
