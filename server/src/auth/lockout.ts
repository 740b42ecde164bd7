/**
 * Throttling of failed sign-ins (what Keycloak's brute-force detection, Entra's smart lockout and
 * Okta's lockout policy do): a key (an account's email, a client address, a client id) that fails
 * `maxFailures` times within `windowSeconds` is locked for the first of `lockoutSeconds`; each
 * further lockout within a day of the last one lasts the next, longer period (the last one repeats).
 * While locked, attempts are refused with 429 and `Retry-After` without checking the password, and
 * do not count. A success clears an account's or client's failures and lockout level; an address is
 * not cleared by a success (one known password must not buy more guesses at other accounts).
 * After a lockout ends the key has a fresh allowance of failures.
 *
 * Keys are kept in memory (a restart forgets them), hashed, so typed emails are not held as is.
 */
import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';

export interface LockoutSettings {
  /** Failures within the window that lock an account or client; 0 turns the lockout off. Default 5. */
  maxFailures: number;
  /** Failures within the window that lock a client address (any accounts); 0 = off. Default 20. */
  maxFailuresPerAddress: number;
  /** The window in which failures are counted. Default 900 (15 minutes). */
  windowSeconds: number;
  /** Lengths of the first, second, third… lockout; the last repeats. Default 60, 300, 900. */
  lockoutSeconds: readonly number[];
}

export const DEFAULT_LOCKOUT: LockoutSettings = {
  maxFailures: 5,
  maxFailuresPerAddress: 20,
  windowSeconds: 900,
  lockoutSeconds: [60, 300, 900],
};

/** A key's lockout level falls back to the first period after a day without a lockout. */
const LEVEL_MEMORY_MS = 24 * 60 * 60 * 1000;

interface Entry {
  /** Times of the failures in the current window, oldest first. */
  failures: number[];
  lockedUntil: number;
  /** Lockouts so far (indexes lockoutSeconds). */
  level: number;
  lastLockout: number;
}

export type FailureOutcome = { locked: false } | { locked: true; retryAfterSeconds: number; lockedUntil: number };

/** Failure counts and lockouts for one kind of key, with the given threshold. */
export class FailureThrottle {
  private readonly entries = new Map<string, Entry>();
  private lastSweep = 0;

  constructor(
    private readonly maxFailures: number,
    private readonly windowSeconds: number,
    private readonly lockoutSeconds: readonly number[],
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.maxFailures > 0;
  }

  /** Seconds until `key` may try again, or 0 when it is not locked. */
  retryAfter(key: string): number {
    if (!this.enabled) return 0;
    const entry = this.entries.get(hashKey(key));
    const left = entry ? entry.lockedUntil - this.now() : 0;
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  /** Counts a failure; locks the key when it reaches the threshold. */
  fail(key: string): FailureOutcome {
    if (!this.enabled) return { locked: false };
    const now = this.now();
    this.sweep(now);
    const id = hashKey(key);
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { failures: [], lockedUntil: 0, level: 0, lastLockout: 0 };
      this.entries.set(id, entry);
    }
    if (entry.lastLockout && now - entry.lastLockout > LEVEL_MEMORY_MS) entry.level = 0;
    const windowStart = now - this.windowSeconds * 1000;
    entry.failures = entry.failures.filter((at) => at > windowStart);
    entry.failures.push(now);
    if (entry.failures.length < this.maxFailures) return { locked: false };
    const seconds = this.lockoutSeconds[Math.min(entry.level, this.lockoutSeconds.length - 1)] ?? 60;
    entry.level += 1;
    entry.lastLockout = now;
    entry.lockedUntil = now + seconds * 1000;
    entry.failures = [];
    return { locked: true, retryAfterSeconds: seconds, lockedUntil: entry.lockedUntil };
  }

  /** A success: forgets the key's failures and lockout level. */
  reset(key: string): void {
    this.entries.delete(hashKey(key));
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    const windowStart = now - this.windowSeconds * 1000;
    for (const [id, entry] of this.entries) {
      const quiet = entry.lockedUntil <= now && entry.failures.every((at) => at <= windowStart);
      if (quiet && (!entry.lastLockout || now - entry.lastLockout > LEVEL_MEMORY_MS)) this.entries.delete(id);
    }
  }
}

const hashKey = (key: string): string => createHash('sha256').update(key).digest('base64url');

/** The sign-in throttles of one server: accounts and addresses (password form), clients (secrets). */
export class SignInLockout {
  readonly accounts: FailureThrottle;
  readonly addresses: FailureThrottle;
  readonly clients: FailureThrottle;

  constructor(
    readonly settings: LockoutSettings = DEFAULT_LOCKOUT,
    now: () => number = Date.now,
  ) {
    const { maxFailures, maxFailuresPerAddress, windowSeconds, lockoutSeconds } = settings;
    this.accounts = new FailureThrottle(maxFailures, windowSeconds, lockoutSeconds, now);
    this.addresses = new FailureThrottle(maxFailuresPerAddress, windowSeconds, lockoutSeconds, now);
    this.clients = new FailureThrottle(maxFailures, windowSeconds, lockoutSeconds, now);
  }

  /** Before a password is checked: how long the account or the address is still locked. */
  retryAfter(email: string, address: string): number {
    return Math.max(this.accounts.retryAfter(accountKey(email)), this.addresses.retryAfter(address));
  }

  /** A wrong password or unknown account: counts against both; the lockout it started, if any. */
  failed(email: string, address: string): { account: number; address: number } {
    const account = this.accounts.fail(accountKey(email));
    const byAddress = this.addresses.fail(address);
    return {
      account: account.locked ? account.retryAfterSeconds : 0,
      address: byAddress.locked ? byAddress.retryAfterSeconds : 0,
    };
  }

  succeeded(email: string): void {
    this.accounts.reset(accountKey(email));
  }
}

/** Emails are compared case-insensitively, so `Admin@Example.com` counts against the same account. */
export const accountKey = (email: string): string => email.trim().toLowerCase();

/** "1 minute", "5 minutes", "45 seconds": how long until the next try, in words. */
export function waitInWords(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export type AuthEvent =
  | 'sign-in.success'
  | 'sign-in.failure'
  | 'sign-in.refused'
  | 'sign-in.lockout'
  | 'sign-in.resumed'
  | 'sign-out'
  | 'client-credentials.success'
  | 'client-credentials.failure'
  | 'client-credentials.refused'
  | 'client-credentials.lockout'
  | 'token.revoked';

/**
 * Writes one structured line per sign-in event (never a password or a token). Logged at info level
 * even when the server's LOG_LEVEL is warn or error (its default is info), so the trail is always kept;
 * LOG_LEVEL=silent turns it off.
 */
/** What a sign-in event's log line carries besides its name. */
export type AuthEventFields = Record<string, string | number | boolean | undefined>;

export function logAuthEvent(log: FastifyBaseLogger, event: AuthEvent, fields: AuthEventFields): void {
  // Fastify's logger when logging is off has no levels: then this writes nothing, as it should.
  const values = (log as { levels?: { values: Record<string, number> } }).levels?.values;
  const current = values?.[log.level];
  const audit =
    current !== undefined && current > 30 && log.level !== 'silent' ? log.child({}, { level: 'info' }) : log;
  const line = { event, ...fields };
  const message = event.replace(/[.-]/g, ' ');
  if (event.endsWith('.lockout') || event.endsWith('.refused')) audit.warn(line, message);
  else audit.info(line, message);
}
