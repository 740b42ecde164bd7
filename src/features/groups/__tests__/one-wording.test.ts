import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatValues, propertyLabel as historyPropertyLabel } from '../history/audit-format';
import { GROUP_FIELD_LABELS, GROUP_FIELDS } from '../form/group-diff';
import { GROUP_EXPORT_COLUMNS } from '../import-export/groups-csv';
import {
  csvHeaderOf,
  GROUP_PROPERTIES,
  STATE_LABELS,
  TYPE_LABELS,
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

/** Every label and help text of the vocabulary, as a quoted literal a consumer must not restate. */
const WORDS = [
  ...Object.values(GROUP_PROPERTIES).flatMap((w) => [
    w.label,
    'help' in w ? w.help : '',
    'csvHeader' in w ? w.csvHeader : '',
  ]),
  ...Object.values(VISIBILITY_WORDING).flatMap((w) => [w.label, w.help]),
  ...Object.values(TYPE_LABELS),
  ...Object.values(STATE_LABELS),
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
      expect(label).toBe(GROUP_PROPERTIES[field].label);
      expect(historyPropertyLabel(field === 'owners' ? 'ownerIds' : field)).toBe(label);
    }
    expect(historyPropertyLabel('rulesVisible')).toBe('Membership rules visible');
  });

  it('words visibility, type and state values as the header and filters do, in History too', () => {
    expect(formatValues('visibility', ['public'])).toBe(VISIBILITY_LABELS.public);
    expect(formatValues('visibility', ['members'])).toBe('Members only');
    expect(formatValues('type', ['social'])).toBe(TYPE_LABELS.social);
    expect(formatValues('state', ['inactive'])).toBe(STATE_LABELS.inactive);
  });

  it('names the CSV columns from the vocabulary', () => {
    for (const column of GROUP_EXPORT_COLUMNS) expect(column.header).toBe(csvHeaderOf(column.key));
    expect(csvHeaderOf('rulesVisible')).toBe('Rules visible');
  });
});
