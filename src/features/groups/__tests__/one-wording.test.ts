import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { i18n } from '@lingui/core';
import { describe, expect, it } from 'vitest';
import { formatValues, propertyLabel as historyPropertyLabel } from '../history/audit-format';
import { GROUP_FIELD_LABELS, GROUP_FIELDS } from '../form/group-diff';
import { GROUP_EXPORT_COLUMNS } from '../import-export/groups-csv';
import {
  CSV_WORDS,
  csvHeaderOf,
  GROUP_PROPERTIES,
  STATE_LABELS,
  TYPE_LABELS,
  TYPE_WORDING,
  VISIBILITY_LABELS,
  VISIBILITY_WORDING,
} from '../core/group-vocabulary';

const FEATURE = resolve(__dirname, '..');
const source = (path: string) => readFileSync(resolve(FEATURE, path), 'utf8');

/** The screens and files that name group properties and values, each reading the vocabulary. */
const CONSUMERS = [
  'form/group-form-fields.tsx',
  'form/type-field.tsx',
  'form/visibility-field.tsx',
  'form/group-diff.ts',
  'detail/group-header.tsx',
  'list/components/group-table-columns.tsx',
  'list/components/group-list-filters.tsx',
  'import-export/groups-csv.ts',
  'import-export/import-groups-dialog.tsx',
  'history/audit-format.ts',
];

/** The vocabulary's messages in English (the tests' language). */
const words = i18n._.bind(i18n);

/** Every label and help text of the vocabulary, as a quoted literal a consumer must not restate. */
const WORDS = [
  ...Object.values(GROUP_PROPERTIES).flatMap((w) => [
    words(w.label),
    'help' in w ? words(w.help) : '',
    'csvHeader' in w ? w.csvHeader : '',
  ]),
  ...Object.values(VISIBILITY_WORDING).flatMap((w) => [words(w.label), words(w.help)]),
  ...Object.values(TYPE_LABELS).map(words),
  ...Object.values(STATE_LABELS).map(words),
  // The wordings the vocabulary replaced.
  'Rules visible to members',
  'Owners are members',
].filter((word) => word.length > 0);

describe('one wording per property', () => {
  it.each(CONSUMERS)('%s reads its words from core/group-vocabulary and restates none', (path) => {
    const text = source(path);
    expect(text).toMatch(/from '\.\.\/(\.\.\/)?core\/group-vocabulary'/);
    const restated = WORDS.filter((word) => text.includes(`'${word}'`) || text.includes(`"${word}"`));
    expect(restated).toEqual([]);
  });

  it('gives the form, the conflict dialog and History the same property labels', () => {
    for (const field of GROUP_FIELDS) {
      const label = GROUP_FIELD_LABELS[field];
      expect(label).toBe(words(GROUP_PROPERTIES[field].label));
      expect(historyPropertyLabel(field === 'owners' ? 'ownerIds' : field)).toBe(label);
    }
    expect(historyPropertyLabel('rulesVisible')).toBe('Membership rules visible');
  });

  it('words visibility, type and state values as the header and filters do, in History too', () => {
    expect(formatValues('visibility', ['public'])).toBe(words(VISIBILITY_LABELS.public));
    expect(formatValues('visibility', ['members'])).toBe('Members only');
    expect(formatValues('type', ['social'])).toBe(words(TYPE_LABELS.social));
    expect(formatValues('state', ['inactive'])).toBe(words(STATE_LABELS.inactive));
  });

  it('names the CSV columns from the vocabulary', () => {
    for (const column of GROUP_EXPORT_COLUMNS) expect(column.header).toBe(csvHeaderOf(column.key));
    expect(csvHeaderOf('rulesVisible')).toBe('Rules visible');
  });

  it("writes the CSV's values in the English labels, which the import reads back in any language", () => {
    for (const [value, wording] of Object.entries(TYPE_WORDING)) {
      expect(CSV_WORDS.type[value as keyof typeof CSV_WORDS.type]).toBe(words(wording.label));
    }
    for (const [value, wording] of Object.entries(VISIBILITY_WORDING)) {
      expect(CSV_WORDS.visibility[value as keyof typeof CSV_WORDS.visibility]).toBe(words(wording.label));
    }
    expect(CSV_WORDS.rulesVisibleLabel).toBe(words(GROUP_PROPERTIES.rulesVisible.label));
  });
});
