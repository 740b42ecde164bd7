/**
 * The login host's memory of a browser's sign-in (what a real org's login host keeps in its own cookie):
 * after a password sign-in at /oauth/authorize the browser gets a cookie holding a random session id,
 * and a later authorize request that carries it is answered with a code (or token) without the form.
 *
 * Only the SHA-256 of the id is stored, in SQLite (sessions survive a restart), with the user and a
 * fingerprint of the user's password hash at sign-in. A session ends when it has been idle for
 * `idleSeconds`, when it is `maxSeconds` old, at sign-out (/logout), when the user is no longer
 * active, when the password changes (the fingerprint no longer matches) and when the account is locked.
 */
import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { FastifyReply, FastifyRequest } from 'fastify';

const TABLES = `
CREATE TABLE IF NOT EXISTS sign_in_sessions (
  session_hash  TEXT PRIMARY KEY,
  user_id       TEXT NOT NULL,
  password_mark TEXT NOT NULL,          -- SHA-256 of the user's password hash at sign-in
  created_at    INTEGER NOT NULL,       -- epoch ms
  last_used_at  INTEGER NOT NULL,       -- epoch ms
  expires_at    INTEGER NOT NULL        -- epoch ms: the earlier of idle and maximum age
);
CREATE INDEX IF NOT EXISTS sign_in_sessions_user ON sign_in_sessions (user_id);
CREATE INDEX IF NOT EXISTS sign_in_sessions_expiry ON sign_in_sessions (expires_at);
`;

export interface SignInSessionSettings {
  /** A session unused this long ends; 0 turns remembered sign-ins off. Default 28800 (8 hours). */
  idleSeconds: number;
  /** A session ends this long after the password sign-in, however often used. Default 604800 (7 days). */
  maxSeconds: number;
}

export const DEFAULT_SIGN_IN_SESSIONS: SignInSessionSettings = { idleSeconds: 28_800, maxSeconds: 604_800 };

/** The cookie's name, and the paths it is sent to: the login host's authorize page and its logout. */
export const SESSION_COOKIE = 'groups_sign_in';
export const SESSION_COOKIE_PATHS = ['/oauth/authorize', '/logout'] as const;

const hash = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export interface ResumedSession {
  userId: string;
  email: string;
}

export class SignInSessionStore {
  private readonly statements;

  constructor(
    db: Database.Database,
    readonly settings: SignInSessionSettings = DEFAULT_SIGN_IN_SESSIONS,
    private readonly now: () => number = Date.now,
  ) {
    db.exec(TABLES);
    this.statements = {
      insert: db.prepare(
        'INSERT INTO sign_in_sessions (session_hash, user_id, password_mark, created_at, last_used_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      find: db.prepare<
        [string],
        {
          user_id: string;
          password_mark: string;
          created_at: number;
          expires_at: number;
          email: string | null;
          state: string | null;
          password_hash: string | null;
        }
      >(
        `SELECT s.user_id, s.password_mark, s.created_at, s.expires_at, u.email, u.state, u.password_hash
           FROM sign_in_sessions s LEFT JOIN users u ON u.id = s.user_id
          WHERE s.session_hash = ?`,
      ),
      touch: db.prepare('UPDATE sign_in_sessions SET last_used_at = ?, expires_at = ? WHERE session_hash = ?'),
      delete: db.prepare<[string], { user_id: string }>(
        'DELETE FROM sign_in_sessions WHERE session_hash = ? RETURNING user_id',
      ),
      deleteForUser: db.prepare('DELETE FROM sign_in_sessions WHERE user_id = ?'),
      purge: db.prepare('DELETE FROM sign_in_sessions WHERE expires_at <= ?'),
    };
  }

  get enabled(): boolean {
    return this.settings.idleSeconds > 0;
  }

  /** Starts a session for a user who has just signed in with their password; returns its id (the cookie's value). */
  create(userId: string, passwordHash: string): string {
    const now = this.now();
    this.statements.purge.run(now);
    const id = randomBytes(32).toString('base64url');
    const expiresAt = Math.min(now + this.settings.idleSeconds * 1000, now + this.settings.maxSeconds * 1000);
    this.statements.insert.run(hash(id), userId, hash(passwordHash), now, now, expiresAt);
    return id;
  }

  /**
   * The signed-in user of a session id, or undefined when the session is unknown, expired, or its user is
   * gone, inactive or has another password (the session is then deleted). Using it restarts its idle time.
   */
  resume(id: string): ResumedSession | undefined {
    if (!this.enabled || !SESSION_ID.test(id)) return undefined;
    const sessionHash = hash(id);
    const row = this.statements.find.get(sessionHash);
    if (!row) return undefined;
    const now = this.now();
    const valid =
      row.expires_at > now &&
      row.state === 'active' &&
      row.email !== null &&
      row.password_hash !== null &&
      hash(row.password_hash) === row.password_mark;
    if (!valid) {
      this.statements.delete.get(sessionHash);
      return undefined;
    }
    const expiresAt = Math.min(
      now + this.settings.idleSeconds * 1000,
      row.created_at + this.settings.maxSeconds * 1000,
    );
    this.statements.touch.run(now, expiresAt, sessionHash);
    return { userId: row.user_id, email: row.email as string };
  }

  /** Ends one session (sign-out); answers its user, or undefined when there was none. */
  end(id: string): string | undefined {
    const row = this.statements.delete.get(hash(id));
    return row?.user_id;
  }

  /** Ends every session of a user (account locked). */
  endForUser(userId: string): number {
    return this.statements.deleteForUser.run(userId).changes;
  }
}

/** The session id in the request's Cookie header, if any. */
export function sessionCookie(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      if (value) return value;
    }
  }
  return undefined;
}

/**
 * Sets (a session id) or clears (undefined) the cookie on each of its paths. HttpOnly, SameSite=Lax (sent
 * on the top-level navigation back from another site), Secure when the request came over https (directly,
 * or through a trusted proxy's X-Forwarded-Proto). Without Max-Age: the browser forgets it when it closes.
 */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, id: string | undefined): void {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  const value = id ?? '';
  const expiry = id === undefined ? '; Max-Age=0' : '';
  reply.header(
    'Set-Cookie',
    SESSION_COOKIE_PATHS.map(
      (path) => `${SESSION_COOKIE}=${value}; Path=${path}; HttpOnly; SameSite=Lax${secure}${expiry}`,
    ),
  );
}
