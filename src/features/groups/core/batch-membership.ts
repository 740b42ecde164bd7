/**
 * Membership changes in batches: the API takes at most 50 user ids per request
 * (`GroupMembersUpdate.memberIds` in openapi/groups.yaml) and checks the
 * group's `version`. Each batch is sent with the version last known; a version conflict (409, or a
 * 400 saying the version does not match) re-reads the group and retries that batch once. A second
 * failure stops the run and reports which ids were done and which were not.
 *
 * The API functions are parameters, so the logic is tested without a server.
 */
import { t } from '@lingui/core/macro';
import { SCHEMA_LIMITS } from '@/api/generated/contract';
import { chunk } from '@/lib/chunk';

export const MAX_IDS_PER_REQUEST: number = SCHEMA_LIMITS.GroupMembersUpdate.memberIds.maxItems;

export type MembershipOperation = 'add' | 'remove';

export interface MembershipApi {
  /** Reads the group's current version (a fresh GET, never a cached copy). */
  fetchVersion: () => Promise<number>;
  /**
   * Sends one batch (≤ 50 ids) with the given version. May resolve with the group's version after
   * the batch (when it knows better than "one more", e.g. nothing was left to send).
   */
  send: (ids: string[], version: number) => Promise<number | void>;
}

export interface BatchProgress {
  /** Batches finished so far. */
  done: number;
  total: number;
  /** Ids sent successfully so far. */
  processedIds: number;
  /** Whether the batch being sent is a retry after a version conflict. */
  retrying: boolean;
}

export interface BatchRunResult {
  /** Ids whose batch succeeded. */
  doneIds: string[];
  /** Ids not changed (the failed batch and those after it). */
  failedIds: string[];
  /** The error that stopped the run, if any. */
  error?: unknown;
  /** How many version conflicts were met (each retried once). */
  conflicts: number;
}

export interface RunBatchesOptions {
  ids: readonly string[];
  api: MembershipApi;
  /** The version the page knows (skips the first read); without it the group is read first. */
  initialVersion?: number;
  batchSize?: number;
  onProgress?: (progress: BatchProgress) => void;
  /** Stops before the next batch when aborted. */
  signal?: AbortSignal;
}

/** Splits ids into batches of at most `size`, dropping duplicates and blanks. */
export const chunkIds = (ids: readonly string[], size = MAX_IDS_PER_REQUEST): string[][] =>
  chunk([...new Set(ids.filter((id) => id.length > 0))], size);

const errorStatus = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number'
    ? (error as { status: number }).status
    : undefined;

/** A stale-version answer: 409, or a 400 whose message says the version does not match (Genesys). */
export const isVersionMismatch = (error: unknown): boolean => {
  const status = errorStatus(error);
  if (status === 409) return true;
  if (status === 400 && error instanceof Error) return /does not match the current version/i.test(error.message);
  return false;
};

/** Each version a successful change produces: the server raises it by one per membership change. */
const nextVersion = (version: number) => version + 1;

export const runMembershipBatches = async ({
  ids,
  api,
  initialVersion,
  batchSize = MAX_IDS_PER_REQUEST,
  onProgress,
  signal,
}: RunBatchesOptions): Promise<BatchRunResult> => {
  const batches = chunkIds(ids, batchSize);
  const doneIds: string[] = [];
  let conflicts = 0;
  let version = initialVersion ?? (await api.fetchVersion());
  const report = (done: number, retrying: boolean) =>
    onProgress?.({ done, total: batches.length, processedIds: doneIds.length, retrying });
  const failFrom = (index: number, error: unknown): BatchRunResult => ({
    doneIds,
    failedIds: batches.slice(index).flat(),
    error,
    conflicts,
  });

  report(0, false);
  for (let index = 0; index < batches.length; index += 1) {
    const batch = batches[index] as string[];
    if (signal?.aborted) {
      // eslint-disable-next-line lingui/no-unlocalized-strings -- 'AbortError' is the exception's name, a code
      return failFrom(index, signal.reason ?? new DOMException(t`Cancelled`, 'AbortError'));
    }
    let after: number | void;
    try {
      after = await api.send(batch, version);
    } catch (error) {
      if (!isVersionMismatch(error)) return failFrom(index, error);
      conflicts += 1;
      report(index, true);
      try {
        version = await api.fetchVersion();
        after = await api.send(batch, version);
      } catch (retryError) {
        return failFrom(index, retryError);
      }
    }
    version = typeof after === 'number' ? after : nextVersion(version);
    doneIds.push(...batch);
    report(index + 1, false);
  }
  return { doneIds, failedIds: [], conflicts };
};
