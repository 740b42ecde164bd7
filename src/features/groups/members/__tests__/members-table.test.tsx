import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { User } from '@/api/generated/model/user';
import { installMatchMedia, installResizeObserver } from '@/testing/test-providers';
import { MembersTable, VIRTUALISE_ABOVE } from '../members-table';

const people = (count: number): User[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `u${i}`,
    name: `Person ${i}`,
    email: `p${i}@example.com`,
    version: 1,
  }));

const renderTable = (users: User[]) =>
  render(
    <MantineProvider>
      <MembersTable
        users={users}
        columns={['presence']}
        sortOrder="ASC"
        onToggleSort={() => undefined}
        selectable
        selected={new Set(['u0'])}
        onToggle={() => undefined}
        onToggleAll={() => undefined}
        onOpenUser={() => undefined}
        reasonsFor={() => ['individual']}
      />
    </MantineProvider>,
  );

const bodyRows = () =>
  within(screen.getByRole('table', { name: 'Members' }))
    .getAllByRole('row')
    .slice(1);

beforeAll(() => {
  installMatchMedia();
  installResizeObserver();
});
afterEach(cleanup);

/** jsdom has no layout: each table row measures 41 px high, everything else 0. */
const ROW_HEIGHT = 41;
const offsetHeight = vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (
  this: HTMLElement,
) {
  return this.tagName === 'TR' ? ROW_HEIGHT : 0;
});
afterAll(() => offsetHeight.mockRestore());

describe('MembersTable', () => {
  it('renders every row of a page up to the limit, striped and selectable', { timeout: 60_000 }, () => {
    renderTable(people(VIRTUALISE_ABOVE));
    expect(bodyRows()).toHaveLength(VIRTUALISE_ABOVE);
    expect(screen.getByRole('table', { name: 'Members' })).not.toHaveAttribute('aria-rowcount');
    const first = bodyRows()[0]!;
    expect(first).toHaveAttribute('data-striped', 'odd');
    expect(first).toHaveAttribute('data-selected', 'true');
    expect(within(first).getByRole('checkbox', { name: 'Select Person 0' })).toBeChecked();
    expect(within(first).getByText('Individual')).toBeInTheDocument();
  });

  it(
    'renders only the rows near the viewport of a longer page, with their positions',
    { timeout: 60_000 },
    async () => {
      const count = VIRTUALISE_ABOVE * 5;
      renderTable(people(count));
      const table = screen.getByRole('table', { name: 'Members' });
      expect(table).toHaveAttribute('aria-rowcount', String(count + 1));
      // Until the virtualiser's code has come, a screen's worth of rows.
      expect(bodyRows()).toHaveLength(30);
      await waitFor(() =>
        expect([...table.querySelectorAll('tbody tr')].at(-1)).toHaveAttribute('aria-hidden', 'true'),
      );
      const rows = bodyRows();
      expect(rows.length).toBeGreaterThan(0);
      // A 768 px window shows 19 rows; 10 more are rendered on each side of them.
      expect(rows.length).toBeLessThanOrEqual(Math.ceil(window.innerHeight / ROW_HEIGHT) + 10);
      expect(rows[0]).toHaveAttribute('aria-rowindex', '2');
      expect(within(rows[0]!).getByRole('button', { name: 'Person 0' })).toBeInTheDocument();
      // The spacer after the rendered rows stands in for the rest of the page.
      const spacer = [...table.querySelectorAll('tbody tr')].at(-1) as HTMLElement;
      expect(spacer).toHaveAttribute('aria-hidden', 'true');
      expect(Number.parseFloat(spacer.style.height)).toBeGreaterThan(0);
    },
  );
});
