/** Random tokens (session cookies, invite links) and their stored hashes. */
import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** A new unguessable token (256 bits, base64url). */
export const newToken = (): string => randomBytes(32).toString('base64url');
/** What the store keeps instead of the token itself. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
/** A new record id. */
export const newId = (): string => randomUUID();
