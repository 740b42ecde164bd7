import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Mantine's components are unstyled without their CSS file (a Radio.Card without a border or a
 * selected state, a Chip drawn as a native checkbox). Every component the console imports from
 * @mantine/core, and every compound part it uses (`Radio.Card`, `Chip.Group`, `Table.ScrollContainer`),
 * needs the stylesheets of the component and of the components it is built on (TextInput on Input,
 * Select on Combobox and Popover) in `shell-styles.ts` or `page-styles.ts`, each list in the order of
 * Mantine's styles.css.
 */
const SRC = resolve(__dirname, '../..');
const MANTINE = resolve(SRC, '../node_modules/@mantine/core');
const ESM = join(MANTINE, 'esm');
const STYLES = join(MANTINE, 'styles');
const STYLE_LISTS = ['styles/shell-styles.ts', 'styles/page-styles.ts'];

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '__tests__' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });

/** The components (`Radio`) and compound parts (`Radio.Card`) a source file uses from @mantine/core. */
const mantineUses = (text: string): string[] => {
  const used = new Set<string>();
  for (const [, names = ''] of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@mantine\/core'/g)) {
    for (const spec of names.split(',').map((s) => s.trim())) {
      const m = /^(?!type\s)([A-Z]\w*)(?:\s+as\s+(\w+))?$/.exec(spec);
      if (!m) continue;
      const [, imported = '', local = imported] = m;
      used.add(imported);
      for (const [, part = ''] of text.matchAll(new RegExp(`\\b${local}\\.([A-Z]\\w*)`, 'g'))) {
        used.add(`${imported}.${part}`);
      }
    }
  }
  return [...used];
};

/** The module files @mantine/core exports its components from: name → file. */
const exportedFrom = (() => {
  const index = readFileSync(join(ESM, 'index.mjs'), 'utf8');
  const files = new Map<string, string>();
  for (const [, names = '', from = ''] of index.matchAll(/import \{([^}]*)\} from "(\.\/components\/[^"]+)";/g)) {
    for (const name of names.split(',').map((s) => s.trim())) files.set(name, join(ESM, from));
  }
  return files;
})();

const relativeImports = (file: string): Map<string, string> => {
  const imports = new Map<string, string>();
  const text = readFileSync(file, 'utf8');
  for (const [, what = '', from = ''] of text.matchAll(/import (.+?) from "(\.[^"]+)";/g)) {
    const path = resolve(dirname(file), from);
    for (const name of what.replace(/[{}]/g, '').split(',')) {
      const local =
        name
          .trim()
          .split(/\s+as\s+/)
          .at(-1) ?? '';
      if (local) imports.set(local, path);
    }
  }
  return imports;
};

/** `Radio.Card = RadioCard` in Radio's module: the file of the part `Card`. */
const partFile = (component: string, part: string): string | undefined => {
  const file = exportedFrom.get(component);
  if (!file) return undefined;
  const assigned = new RegExp(`^${component}\\.${part} = (\\w+);`, 'm').exec(readFileSync(file, 'utf8'))?.[1];
  return assigned ? relativeImports(file).get(assigned) : undefined;
};

/**
 * The stylesheets a component's module needs: its own and those of every module it imports, except
 * the compound parts it only attaches (`Radio.Card`), which need theirs only where they are used.
 */
const stylesheetsOf = (file: string, seen = new Set<string>()): Set<string> => {
  const sheets = new Set<string>();
  if (seen.has(file)) return sheets;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  const attached = new Set([...text.matchAll(/^\w+\.[A-Z]\w* = (\w+);/gm)].map(([, name]) => name));
  const cssModule = /^\/\/#region packages\/@mantine\/core\/src\/.*\/(\w+)\.module\.css$/m.exec(text)?.[1];
  if (cssModule && existsSync(join(STYLES, `${cssModule}.css`))) sheets.add(`${cssModule}.css`);
  for (const [local, path] of relativeImports(file)) {
    if (attached.has(local) || !path.includes(`${ESM}/components/`)) continue;
    for (const sheet of stylesheetsOf(path, seen)) sheets.add(sheet);
  }
  return sheets;
};

const requiredStylesheets = (use: string): string[] => {
  const [component = '', part] = use.split('.');
  const file = part ? partFile(component, part) : exportedFrom.get(component);
  return file ? [...stylesheetsOf(file)] : [];
};

const listed = (list: string): string[] =>
  [...readFileSync(join(SRC, list), 'utf8').matchAll(/^import '@mantine\/core\/styles\/([\w-]+\.css)';$/gm)].map(
    ([, sheet = '']) => sheet,
  );

/** Where each stylesheet's rules start in Mantine's styles.css. */
const positionInStylesCss = (() => {
  const all = readFileSync(join(MANTINE, 'styles.css'), 'utf8');
  return (sheet: string) => all.indexOf(readFileSync(join(STYLES, sheet), 'utf8').trim().slice(0, 200));
})();

describe('Mantine stylesheets', () => {
  it('finds components, aliases and compound parts in the sources', () => {
    const text = [
      "import { Chip, Group as MantineGroup, Radio, type MantineTheme } from '@mantine/core';",
      '<Chip.Group><MantineGroup.Unknown /><Radio.Card><Radio.Indicator /></Radio.Card></Chip.Group>',
    ].join('\n');
    expect(mantineUses(text).sort()).toEqual(
      ['Chip', 'Chip.Group', 'Group', 'Group.Unknown', 'Radio', 'Radio.Card', 'Radio.Indicator'].sort(),
    );
    expect(requiredStylesheets('Radio.Card')).toContain('RadioCard.css');
    expect(requiredStylesheets('Radio.Indicator')).toContain('RadioIndicator.css');
    expect(requiredStylesheets('Radio')).not.toContain('RadioCard.css');
    expect(requiredStylesheets('Table.ScrollContainer')).toContain('Table.css');
    expect(requiredStylesheets('TextInput')).toContain('Input.css');
  });

  it('are imported for every component the console uses', () => {
    const imported = new Set(STYLE_LISTS.flatMap(listed));
    const missing = new Map<string, string[]>();
    for (const file of sources(SRC)) {
      for (const use of mantineUses(readFileSync(file, 'utf8'))) {
        for (const sheet of requiredStylesheets(use)) {
          if (imported.has(sheet)) continue;
          missing.set(sheet, [...(missing.get(sheet) ?? []), `${use} in ${relative(SRC, file)}`]);
        }
      }
    }
    expect(Object.fromEntries(missing)).toEqual({});
  });

  it.each(STYLE_LISTS)('are listed in the order of Mantine’s styles.css in %s', (list) => {
    const sheets = listed(list);
    expect(sheets.length).toBeGreaterThan(0);
    for (const sheet of sheets) expect(positionInStylesCss(sheet), sheet).toBeGreaterThanOrEqual(0);
    expect(sheets).toEqual([...sheets].sort((a, b) => positionInStylesCss(a) - positionInStylesCss(b)));
  });
});
