import { i18n } from '@lingui/core';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditLogMessage } from '@/api/generated/model/auditLogMessage';
import type { Group } from '@/api/generated/model/group';
import { installMatchMedia } from '@/testing/test-providers';
import { GroupHeader } from '../detail/group-header';
import { profileValue } from '../detail/profile-tab';
import { restorePlan } from '../history/audit-format';
import { HistoryEntry } from '../history/history-entry';
import { planSummary } from '../history/recently-deleted-page';
import { GROUP_COLUMNS } from '../list/components/group-table-columns';
import { NO_VALUE, STATE_LABELS, TYPE_LABELS, timeInWords, VISIBILITY_LABELS } from '../core/group-vocabulary';

/** Every value the API gives type, visibility and state: none may reach the screen as is. */
const RAW_VALUES = ['official', 'social', 'public', 'members', 'owners', 'active', 'inactive', 'deleted'];

/** The raw values standing on their own in a text: a badge, a cell, "Type: official", "a · b". */
const rawValuesIn = (text: string): string[] =>
  text
    .split(/[\n·:,()→]/)
    .map((part) => part.trim())
    .filter((part) => RAW_VALUES.includes(part));

/** Counts with the wrong number: "1 owners", "1 members". */
const wrongPlurals = (text: string): string[] =>
  text.match(/(?<![\d,.])1 (owners|members|groups|images|people)\b/g) ?? [];

/** The text of every element of the container, each on its own, so a badge's word is not glued to its neighbour's. */
const textsOf = (container: HTMLElement): string[] =>
  [container, ...container.querySelectorAll('*')].map((el) =>
    [...el.childNodes].map((n) => (n.nodeType === Node.TEXT_NODE ? n.textContent : '\n')).join(''),
  );

const show = (node: ReactNode) =>
  render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false, enabled: false } } })}>
        <MemoryRouter>{node}</MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );

const expectWords = (container: HTMLElement) => {
  const texts = textsOf(container);
  expect(texts.flatMap(rawValuesIn)).toEqual([]);
  expect(texts.flatMap(wrongPlurals)).toEqual([]);
};

const GROUPS: Group[] = [
  {
    id: 'g1',
    name: 'Night Shift',
    type: 'social',
    visibility: 'members',
    state: 'inactive',
    rulesVisible: true,
    memberCount: 1,
    version: 3,
    owners: [{ id: 'u1', name: 'Olivia Owens', version: 1 }],
  },
  {
    id: 'g2',
    name: 'Day Shift',
    type: 'official',
    visibility: 'owners',
    state: 'active',
    rulesVisible: false,
    memberCount: 2,
    version: 1,
  },
];

const CREATE: AuditLogMessage = {
  id: 'a1',
  action: 'Create',
  user: { id: 'u1', name: 'Olivia Owens' },
  eventDate: new Date().toISOString(),
  entity: { id: 'g1', name: 'Night Shift' },
  propertyChanges: [
    { property: 'type', oldValues: [], newValues: ['official'] },
    { property: 'visibility', oldValues: [], newValues: ['members'] },
    { property: 'state', oldValues: [], newValues: ['active'] },
  ],
};

const UPDATE: AuditLogMessage = {
  ...CREATE,
  id: 'a2',
  action: 'Update',
  propertyChanges: [
    { property: 'visibility', oldValues: ['public'], newValues: ['owners'] },
    { property: 'state', oldValues: ['active'], newValues: ['inactive'] },
  ],
};

const DELETE: AuditLogMessage = {
  ...CREATE,
  id: 'a3',
  action: 'Delete',
  propertyChanges: [
    { property: 'name', oldValues: ['Night Shift'], newValues: [] },
    { property: 'type', oldValues: ['social'], newValues: [] },
    { property: 'visibility', oldValues: ['members'], newValues: [] },
    { property: 'state', oldValues: ['active'], newValues: [] },
    { property: 'ownerIds', oldValues: ['u1'], newValues: [] },
  ],
  entityChanges: [
    { entityId: 'u1', entityName: 'Olivia Owens', oldValues: ['owner'], newValues: [] },
    { entityId: 'u2', entityName: 'Sam Smith', oldValues: ['individual'], newValues: [] },
  ],
};

describe('values in words', () => {
  beforeAll(installMatchMedia);
  afterEach(cleanup);

  it.each(GROUPS)('the group header words $type, $visibility and $state', (group) => {
    const { container } = show(<GroupHeader group={group} />);
    expectWords(container);
    expect(container).toHaveTextContent(i18n._(TYPE_LABELS[group.type as keyof typeof TYPE_LABELS]));
    expect(container).toHaveTextContent(i18n._(STATE_LABELS[group.state as keyof typeof STATE_LABELS]));
  });

  it('the group header counts members as the list does, with grouping separators', () => {
    const { container } = show(<GroupHeader group={{ ...GROUPS[0]!, memberCount: 96_895 }} />);
    expect(container).toHaveTextContent('96,895');
  });

  it.each(GROUPS)('the list row words $type, $visibility and $state', (group) => {
    const { container } = show(
      <table>
        <tbody>
          <tr>
            {GROUP_COLUMNS.map((column) => (
              <td key={column.key}>{column.render(group)}</td>
            ))}
          </tr>
        </tbody>
      </table>,
    );
    expectWords(container);
    expect(container).toHaveTextContent(i18n._(VISIBILITY_LABELS[group.visibility as keyof typeof VISIBILITY_LABELS]));
  });

  it.each(GROUPS)('the profile words $type, $visibility and $state', (group) => {
    const { container } = show(
      <dl>
        {['type', 'visibility', 'state', 'images'].map((key) => (
          <dd key={key}>{profileValue(key, undefined, { ...group, images: [{ imageUri: 'x' }] })}</dd>
        ))}
      </dl>,
    );
    expectWords(container);
    expect(container).toHaveTextContent('1 image');
  });

  it.each([CREATE, UPDATE, DELETE])('a History entry ($action) words its values', (record) => {
    const { container } = show(<HistoryEntry record={record} />);
    expectWords(container);
  });

  it('Recently deleted words the deleted group and counts in the singular for one', () => {
    const plan = restorePlan(DELETE)!;
    const summary = planSummary(plan, 1);
    expect(rawValuesIn(summary)).toEqual([]);
    expect(summary).toBe('Social · Members only · 1 owner · 1 individual member · no dynamic rules');
  });
});

/**
 * The sources: no screen renders a type, visibility or state as the API gives it (`{group.state}`,
 * `${group.visibility}`); it goes through the vocabulary (typeLabel, visibilityLabel, stateLabel).
 */
const SRC = resolve(__dirname, '../../..');
/** The console's source files under `dir` whose names match `kind` (components by default), tests and generated code left out. */
const sources = (dir: string, kind = /\.tsx$/): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' || name === '__tests__' ? [] : sources(path, kind);
    return kind.test(name) ? [path] : [];
  });

describe('no raw value in the sources', () => {
  it('renders no .type, .visibility or .state of a group or record as is', () => {
    // Children (`>{group.state}`) and template literals; not props (`value={state.type}`).
    const raw = /((?<!=)\{|\$\{)\s*[\w.?]+\.(type|visibility|state)(\s*\?\?\s*'[^']*')?\s*\}/g;
    const found = sources(SRC).flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(raw)].map((m) => `${relative(SRC, path)}: ${m[0]}`),
    );
    expect(found).toEqual([]);
  });
});

describe('one way to show no value', () => {
  it('every screen writes NO_VALUE, and a missing or unreadable time is NO_VALUE', () => {
    // A dash written by hand ('–' or '—' alone in a string); ranges such as "Name (A–Z)" are words.
    const dash = /(['"`])[–—]\1/g;
    const found = sources(SRC, /\.tsx?$/)
      .filter((path) => !path.endsWith('group-vocabulary.ts'))
      .flatMap((path) => [...readFileSync(path, 'utf8').matchAll(dash)].map((m) => `${relative(SRC, path)}: ${m[0]}`));
    expect(found).toEqual([]);
    expect(timeInWords(undefined)).toBe(NO_VALUE);
    expect(timeInWords('not a time')).toBe(NO_VALUE);
    expect(timeInWords('2026-12-04T14:05:00Z')).toMatch(/2026/);
  });
});
