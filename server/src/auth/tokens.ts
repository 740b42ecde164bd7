/**
 * Access tokens and authorization codes, kept in the server's SQLite database.
 * Tokens are random opaque strings; only their SHA-256 is stored. A user token's permissions are
 * looked up on every request from the roles granted to the user and to their roles-enabled groups
 * (domain/authorization/effective.ts), so grant and membership changes apply to the next request; a
 * client-credentials token acts with its client's permissions.
 */
import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Caller } from '../auth/caller.js';
import { effectivePermissions } from '../domain/authorization/effective.js';
import { findClient } from './clients.js';

const TABLES = `
CREATE TABLE IF NOT EXISTS oauth_tokens (
  token_hash TEXT PRIMARY KEY,
  client_id  TEXT NOT NULL,
  user_id    TEXT,
  created_at INTEGER NOT NULL,          -- epoch ms
  expires_at INTEGER NOT NULL           -- epoch ms
);
CREATE INDEX IF NOT EXISTS oauth_tokens_expiry ON oauth_tokens (expires_at);
CREATE TABLE IF NOT EXISTS oauth_codes (
  code_hash      TEXT PRIMARY KEY,
  client_id      TEXT NOT NULL,
  user_id        TEXT NOT NULL,
  redirect_uri   TEXT NOT NULL,
  code_challenge TEXT NOT NULL,
  expires_at     INTEGER NOT NULL,
  used           INTEGER NOT NULL DEFAULT 0
);
`;

/** Authorization codes live one minute. */
export const CODE_LIFETIME_MS = 60_000;

const hash = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');
const randomToken = (): string => randomBytes(32).toString('base64url');

export interface IssuedToken {
  accessToken: string;
  expiresIn: number;
  expiresAt: Date;
}

export interface CodeGrant {
  clientId: string;
  userId: string;
  redirectUri: string;
  codeChallenge: string;
}

export type CodeRedemption = { ok: true; grant: CodeGrant } | { ok: false; reason: 'unknown' | 'expired' | 'used' };

export class TokenStore {
  private readonly statements;

  constructor(
    readonly db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {
    db.exec(TABLES);
    this.statements = {
      insertToken: db.prepare(
        'INSERT INTO oauth_tokens (token_hash, client_id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      ),
      findToken: db.prepare<[string], { client_id: string; user_id: string | null; expires_at: number }>(
        'SELECT client_id, user_id, expires_at FROM oauth_tokens WHERE token_hash = ?',
      ),
      deleteToken: db.prepare('DELETE FROM oauth_tokens WHERE token_hash = ?'),
      purgeTokens: db.prepare('DELETE FROM oauth_tokens WHERE expires_at <= ?'),
      insertCode: db.prepare(
        'INSERT INTO oauth_codes (code_hash, client_id, user_id, redirect_uri, code_challenge, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      findCode: db.prepare<
        [string],
        {
          client_id: string;
          user_id: string;
          redirect_uri: string;
          code_challenge: string;
          expires_at: number;
          used: number;
        }
      >(
        'SELECT client_id, user_id, redirect_uri, code_challenge, expires_at, used FROM oauth_codes WHERE code_hash = ?',
      ),
      useCode: db.prepare('UPDATE oauth_codes SET used = 1 WHERE code_hash = ? AND used = 0'),
      purgeCodes: db.prepare('DELETE FROM oauth_codes WHERE expires_at <= ?'),
      activeUser: db.prepare<[string], { id: string }>(`SELECT id FROM users WHERE id = ? AND state = 'active'`),
      userByEmail: db.prepare<[string], { id: string; password_hash: string | null; state: string }>(
        'SELECT id, password_hash, state FROM users WHERE email = ?',
      ),
    };
  }

  /** Issues a token for a user (userId) or for a client acting as itself (userId null). */
  issue(clientId: string, userId: string | null, lifetimeSeconds: number): IssuedToken {
    const now = this.now();
    this.statements.purgeTokens.run(now);
    const accessToken = randomToken();
    const expiresAt = now + lifetimeSeconds * 1000;
    this.statements.insertToken.run(hash(accessToken), clientId, userId, now, expiresAt);
    return { accessToken, expiresIn: lifetimeSeconds, expiresAt: new Date(expiresAt) };
  }

  /** The caller a token stands for, or undefined when it is unknown, expired or its user is gone. */
  resolve(token: string): Caller | undefined {
    const row = this.statements.findToken.get(hash(token));
    if (!row || row.expires_at <= this.now()) return undefined;
    const client = findClient(row.client_id);
    if (!client) return undefined;
    const expiresAt = new Date(row.expires_at).toISOString();
    if (row.user_id === null) {
      return {
        kind: 'client',
        userId: null,
        clientId: client.id,
        permissions: new Set(client.permissions),
        token,
        expiresAt,
      };
    }
    if (!this.statements.activeUser.get(row.user_id)) return undefined;
    const permissions = effectivePermissions(this.db, row.user_id);
    return { kind: 'user', userId: row.user_id, clientId: client.id, permissions, token, expiresAt };
  }

  revoke(token: string): boolean {
    return this.statements.deleteToken.run(hash(token)).changes > 0;
  }

  createCode(grant: CodeGrant): string {
    const now = this.now();
    this.statements.purgeCodes.run(now - CODE_LIFETIME_MS);
    const code = randomToken();
    this.statements.insertCode.run(
      hash(code),
      grant.clientId,
      grant.userId,
      grant.redirectUri,
      grant.codeChallenge,
      now + CODE_LIFETIME_MS,
    );
    return code;
  }

  /** Redeems a code once: a second redemption fails even within its lifetime. */
  redeemCode(code: string): CodeRedemption {
    const codeHash = hash(code);
    return this.db.transaction((): CodeRedemption => {
      const row = this.statements.findCode.get(codeHash);
      if (!row) return { ok: false, reason: 'unknown' };
      if (row.used) return { ok: false, reason: 'used' };
      this.statements.useCode.run(codeHash);
      if (row.expires_at <= this.now()) return { ok: false, reason: 'expired' };
      return {
        ok: true,
        grant: {
          clientId: row.client_id,
          userId: row.user_id,
          redirectUri: row.redirect_uri,
          codeChallenge: row.code_challenge,
        },
      };
    })();
  }

  findUserByEmail(email: string): { id: string; passwordHash: string | null; active: boolean } | undefined {
    const row = this.statements.userByEmail.get(email.trim());
    return row ? { id: row.id, passwordHash: row.password_hash, active: row.state === 'active' } : undefined;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The server's token store (issue, resolve, revoke). */
    tokens: TokenStore;
  }
}
