// @vitest-environment node
import { parsePoFile } from '@lingui/format-po';
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES } from '../locale';

/**
 * Every language has every message English has, with the same placeholders, and plural forms its
 * grammar asks for: a message left out would show in English inside another language, and a placeholder
 * renamed or dropped would lose a name or a count.
 */
const read = (language: string) =>
  parsePoFile(readFileSync(join(process.cwd(), 'src/locales', `${language}.po`), 'utf8')).items.filter(
    (item) => item.msgid !== '',
  );

type Compiled = ReturnType<typeof compileMessage>;

/** The argument names of a compiled message, and each plural's or select's cases, as "name:case". */
const shape = (compiled: Compiled, into = new Set<string>()): Set<string> => {
  if (!Array.isArray(compiled)) return into;
  for (const token of compiled) {
    if (typeof token === 'string') continue;
    const [name, kind, cases] = token as [string, string?, Record<string, Compiled>?];
    into.add(name);
    if (cases && kind === 'select') for (const key of Object.keys(cases)) into.add(`${name}:${key}`);
    if (cases) for (const value of Object.values(cases)) shape(value, into);
  }
  return into;
};

const pluralCases = (compiled: Compiled, into: string[][] = []): string[][] => {
  if (!Array.isArray(compiled)) return into;
  for (const token of compiled) {
    if (typeof token === 'string') continue;
    const [, kind, cases] = token as [string, string?, Record<string, Compiled>?];
    if (cases && kind === 'plural') into.push(Object.keys(cases));
    if (cases) for (const value of Object.values(cases)) pluralCases(value, into);
  }
  return into;
};

const english = read('en');

describe('the catalogues', () => {
  it('have English messages to translate', () => {
    expect(english.length).toBeGreaterThan(0);
  });

  for (const language of UI_LANGUAGES.filter((l) => l !== 'en')) {
    describe(language, () => {
      const items = new Map(read(language).map((item) => [item.msgid, item.msgstr[0] ?? '']));
      const plurals = new Intl.PluralRules(language).resolvedOptions().pluralCategories;

      it('translate every English message', () => {
        const missing = english.map((item) => item.msgid).filter((id) => !items.get(id)?.trim());
        expect(missing).toEqual([]);
      });

      it('keep every placeholder, and give each plural the forms the language has', () => {
        const wrong: string[] = [];
        for (const { msgid } of english) {
          const translation = items.get(msgid);
          if (!translation) continue;
          const source = shape(compileMessage(msgid));
          const target = compileMessage(translation);
          const got = shape(target);
          if ([...source].sort().join() !== [...got].sort().join()) wrong.push(`${msgid} → ${translation}`);
          for (const cases of pluralCases(target))
            if (!plurals.every((category) => cases.includes(category) || category === 'many'))
              wrong.push(`plural forms of ${msgid} → ${translation}`);
        }
        expect(wrong).toEqual([]);
      });
    });
  }
});
