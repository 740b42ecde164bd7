/**
 * One change, one entry: a request that wrote several audit records (a save that brought owners in as
 * members, a rules change and the people it let in or out, a delete and its members) shows them as one
 * entry. The records of one request share `initiatingAction.transactionId`; the record of the action
 * asked for is its `transactionInitiator` and leads the entry, the others follow it.
 */
import type { AuditLogMessage } from '@/api/generated/model/auditLogMessage';

export interface HistoryItem {
  /** The record that leads the entry: the transaction's initiator when loaded, else its first record. */
  record: AuditLogMessage;
  /** The other records of the same request, in the order given. */
  related: AuditLogMessage[];
}

export const transactionOf = (record: AuditLogMessage): string | undefined =>
  record.initiatingAction?.transactionId || undefined;

/**
 * The records grouped by request, each group where its first record was, its initiator leading. A
 * record without a transaction id stands alone.
 */
export function groupRelated(records: readonly AuditLogMessage[]): HistoryItem[] {
  const items: AuditLogMessage[][] = [];
  const byTransaction = new Map<string, AuditLogMessage[]>();
  for (const record of records) {
    const transaction = transactionOf(record);
    const group = transaction ? byTransaction.get(transaction) : undefined;
    if (group) {
      group.push(record);
      continue;
    }
    const fresh = [record];
    items.push(fresh);
    if (transaction) byTransaction.set(transaction, fresh);
  }
  return items.map((group) => {
    const lead = group.find((r) => r.transactionInitiator === true) ?? group[0]!;
    return { record: lead, related: group.filter((r) => r !== lead) };
  });
}

/**
 * Whether the entry shows only part of its change: its record came along with an action whose record
 * is not among those loaded (a filter left it out), so the related query can show the rest.
 */
export const isPartOfLargerChange = (item: HistoryItem): boolean =>
  item.record.transactionInitiator === false && !!transactionOf(item.record);
