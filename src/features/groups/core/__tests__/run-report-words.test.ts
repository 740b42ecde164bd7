import { describe, expect, it } from 'vitest';
import { reportCsvFileName } from '../members-csv';
import { explainLines, outcomeCount, type ReportLine } from '../transfer';

describe('the words of a run report', () => {
  it('counts first, in the plural where it reads so', () => {
    expect(outcomeCount('alreadyMember', 2)).toBe('2 already members');
    expect(outcomeCount('alreadyMember', 1)).toBe('1 already a member');
    expect(outcomeCount('added', 2316)).toBe('2,316 added');
  });

  it('downloads under a plain file name', () => {
    expect(reportCsvFileName('Night Shift Leads copy')).toBe('night-shift-leads-copy-report.csv');
    expect(reportCsvFileName('Añadir a: Café / Bar')).toBe('anadir-a-cafe-bar-report.csv');
    expect(reportCsvFileName('///')).toBe('change-report.csv');
  });

  it('says why each person is in the group', () => {
    const line = (id: string, outcome: ReportLine['outcome'], reason?: string): ReportLine => ({
      person: { id },
      groupId: 'g',
      action: 'add',
      outcome,
      ...(reason ? { reason } : {}),
    });
    const sources = { individualIds: new Set(['a']), ownerIds: new Set(['o']), ruleIds: null };
    expect(
      explainLines(
        [
          line('n', 'added'),
          line('a', 'alreadyMember'),
          line('o', 'alreadyMember'),
          line('r', 'alreadyMember'),
          line('x', 'failed', 'Boom'),
        ],
        'g',
        sources,
      ).map((l) => l.reason),
    ).toEqual(['Individual', 'Individual', 'Owner', 'Rule', 'Boom']);
  });
});
