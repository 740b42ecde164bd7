import { describe, expect, it } from 'vitest';
import type { AuditLogMessage } from '@/api/generated/model/auditLogMessage';
import { groupRelated, isPartOfLargerChange } from '../related-records';

const record = (id: string, action: string, transactionId?: string, transactionInitiator?: boolean) =>
  ({
    id,
    action,
    eventDate: '2026-12-01T10:00:00.000Z',
    ...(transactionId ? { initiatingAction: { transactionId } } : {}),
    ...(transactionInitiator === undefined ? {} : { transactionInitiator }),
  }) as AuditLogMessage;

describe('related records', () => {
  it('shows the records of one request as one entry, led by the action asked for', () => {
    // Newest first: a delete (its member records written first), then an edit that let owners in.
    const items = groupRelated([
      record('d', 'Delete', 't1', true),
      record('r', 'MemberRemove', 't1', false),
      record('a', 'MemberAdd', 't2', false),
      record('u', 'Update', 't2', true),
      record('c', 'Create', 't3', true),
    ]);
    expect(items.map((i) => [i.record.id, i.related.map((r) => r.id)])).toEqual([
      ['d', ['r']],
      ['u', ['a']],
      ['c', []],
    ]);
  });

  it('keeps records without a transaction apart, and leads with the first record when no initiator is loaded', () => {
    const items = groupRelated([
      record('x', 'Update'),
      record('y', 'Update'),
      record('a', 'MemberAdd', 't', false),
      record('b', 'MemberRemove', 't', false),
    ]);
    expect(items.map((i) => [i.record.id, i.related.map((r) => r.id)])).toEqual([
      ['x', []],
      ['y', []],
      ['a', ['b']],
    ]);
    expect(items.map(isPartOfLargerChange)).toEqual([false, false, true]);
  });
});
