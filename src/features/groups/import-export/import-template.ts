import { t } from '@lingui/core/macro';
import Papa from 'papaparse';
import { csvHeaderOf, CSV_WORDS } from '../core/group-vocabulary';

/** The import's columns, in the template's order (Name is the one required). */
const TEMPLATE_COLUMNS = ['name', 'description', 'type', 'visibility', 'rulesVisible', 'owners', 'members'] as const;

/** The columns as the file input's description names them: "Name (required), Description, …". */
export const importColumnsText = (): string =>
  TEMPLATE_COLUMNS.map((c) => {
    const column = csvHeaderOf(c);
    return c === 'name'
      ? t({ message: `${column} (required)`, comment: 'a CSV column the import needs; column is its header' })
      : column;
  }).join(', ');

export const IMPORT_TEMPLATE_FILE_NAME = 'groups-import-template.csv';

/**
 * A CSV to start an import from: the header and two example lines, in the words the import reads (headers
 * and values the same in every language; the example names and description in the page's language).
 */
export const importTemplateCsv = (): string =>
  Papa.unparse(
    [
      TEMPLATE_COLUMNS.map(csvHeaderOf),
      [
        t({ message: 'Night Shift Leads', comment: 'example group name in the CSV import template' }),
        t({
          message: 'Team leads of the night shift',
          comment: 'example group description in the CSV import template',
        }),
        CSV_WORDS.type.official,
        CSV_WORDS.visibility.public,
        'true',
        'owner@example.com',
        ['first.member@example.com', 'second.member@example.com'].join('; '),
      ],
      [
        t({ message: 'Book Club', comment: 'example group name in the CSV import template' }),
        '',
        CSV_WORDS.type.social,
        CSV_WORDS.visibility.members,
        'false',
        '',
        '',
      ],
    ],
    { newline: '\r\n' },
  );
