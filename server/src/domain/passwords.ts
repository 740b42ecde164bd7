/**
 * Password hashing for the users who can sign in (the personas). Stored as "salt:hash", both hex,
 * scrypt with Node's defaults (N=16384, r=8, p=1) and a 32-byte key.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 32;

/** Hashes a password. `saltHex` is for reproducible hashes (the deterministic seed); normally omit it. */
export function hashPassword(password: string, saltHex?: string): string {
  const salt = saltHex ?? randomBytes(16).toString('hex');
  const hash = scryptSync(password, Buffer.from(salt, 'hex'), KEY_LENGTH).toString('hex');
  return `${salt}:${hash}`;
}

/** True when `password` matches a hash made by hashPassword. A missing or malformed hash never matches. */
export function verifyPassword(password: string, stored: string | null | undefined): boolean {
  if (!stored) return false;
  const [salt, hash] = stored.split(':');
  if (!salt || !hash || !/^[0-9a-f]+$/i.test(salt) || !/^[0-9a-f]+$/i.test(hash)) return false;
  const expected = Buffer.from(hash, 'hex');
  if (expected.length !== KEY_LENGTH) return false;
  const actual = scryptSync(password, Buffer.from(salt, 'hex'), KEY_LENGTH);
  return timingSafeEqual(actual, expected);
}
