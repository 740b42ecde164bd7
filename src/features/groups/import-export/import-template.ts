import Papa from 'papaparse';
import { csvHeaderOf, TYPE_LABELS, VISIBILITY_LABELS } from '../core/group-vocabulary';

/** The import's columns, in the template's order (Name is the one required). */
const TEMPLATE_COLUMNS = ['name', 'description', 'type', 'visibility', 'rulesVisible', 'owners', 'members'] as const;

/** The columns as the file input's description names them: "Name (required), Description, …". */
export const importColumnsText = (): string =>
  TEMPLATE_COLUMNS.map((c) => (c === 'name' ? `${csvHeaderOf(c)} (required)` : csvHeaderOf(c))).join(', ');

export const IMPORT_TEMPLATE_FILE_NAME = 'groups-import-template.csv';

/** A CSV to start an import from: the header and two example lines, in the words the import reads. */
export const importTemplateCsv = (): string =>
  Papa.unparse(
    [
      TEMPLATE_COLUMNS.map(csvHeaderOf),
      [
        'Night Shift Leads',
        'Team leads of the night shift',
        TYPE_LABELS.official,
        VISIBILITY_LABELS.public,
        'true',
        'owner@example.com',
        'first.member@example.com; second.member@example.com',
      ],
      ['Book Club', '', TYPE_LABELS.social, VISIBILITY_LABELS.members, 'false', '', ''],
    ],
    { newline: '\r\n' },
  );
