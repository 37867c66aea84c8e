/**
 * The collaboration protocol: which documents exist, what is inside each Y.Doc (shared by the server,
 * the editors and the tests), close codes of the document WebSocket, and the REST bodies for versions
 * and sharing. Semantics are in docs/collab.md. Zod-free constants live in shared/collabConstants.ts.
 */
import { z } from 'zod';
import { DOC_KINDS, DOC_NAME_PATTERN } from './collabConstants.js';

export * from './collabConstants.js';

const Id = z.string().min(1).max(64);

/** A document name as used in `/collab/<name>` and `/api/docs/<name>`. */
export const DocName = z.string().max(100).regex(DOC_NAME_PATTERN, 'document name must look like "pitch:<startupId>"');
export type DocName = z.infer<typeof DocName>;
export const DocKind = z.enum(DOC_KINDS);

export const DocAccessLevel = z.enum(['edit', 'comment', 'read', 'none']);
export type DocAccessLevel = z.infer<typeof DocAccessLevel>;

/** GET /api/docs/:name/access — what the caller may do with the document. */
export const DocAccessResponse = z.object({
  name: z.string(),
  access: DocAccessLevel,
  /** A title for the page (e.g. "Tidewater Robotics — pitch"). */
  title: z.string(),
  /** The startup the document belongs to, when it belongs to one. */
  startupId: Id.nullable(),
});
export type DocAccessResponse = z.infer<typeof DocAccessResponse>;

export const DocVersion = z.object({
  id: Id,
  name: z.string(),
  createdAt: z.string(),
  createdBy: z.object({ id: Id, name: z.string() }),
  /** Bytes of the stored state. */
  size: z.number().int(),
});
export type DocVersion = z.infer<typeof DocVersion>;

/** POST /api/docs/:name/versions */
export const CreateDocVersionBody = z.object({ name: z.string().trim().min(1).max(80) }).strict();
export type CreateDocVersionBody = z.infer<typeof CreateDocVersionBody>;

/** PUT /api/docs/:name/shares — investors the startup shares this document with (read-only). */
export const SetDocSharesBody = z.object({ investorIds: z.array(Id).max(200) }).strict();
export type SetDocSharesBody = z.infer<typeof SetDocSharesBody>;
export const DocSharesResponse = z.object({ investors: z.array(z.object({ id: Id, name: z.string() })) });
export type DocSharesResponse = z.infer<typeof DocSharesResponse>;
