/**
 * Startups' documents (pitch doc and board): who may open them, named versions (create, list,
 * preview, restore) and sharing with investors. The live side is CollabServer / DocRoom.
 */
import * as Y from 'yjs';
import { BadRequest, Forbidden, NotFound } from '../errors.js';
import type { Caller } from '../identity/service.js';
import { newId } from '../identity/tokens.js';
import type { Store } from '../store/types.js';
import type { DocSharesResponse, DocVersion } from '../../shared/collab.js';
import type { CollabServer, DocAccess, DocPolicy } from './collabServer.js';

/** A startup's pitch doc and board: its founders edit; mentors and operators comment (pitch) or read (board); shared investors read. */
export function startupDocPolicy(store: Store, kind: 'pitch' | 'board'): DocPolicy {
  return async (caller, startupId, name) => {
    const startup = await store.startups.byId(startupId);
    if (!startup) return null;
    const title = `${startup.name} — ${kind === 'pitch' ? 'pitch' : 'board'}`;
    const base = { title, startupId };
    const { id, role } = caller.user;
    if (role === 'founder') return { ...base, level: (await store.startups.memberIds(startupId)).includes(id) ? 'edit' : 'none' };
    if (role === 'mentor' || role === 'operator') return { ...base, level: kind === 'pitch' ? 'comment' : 'read' };
    return { ...base, level: (await store.docs.shareIds(name)).includes(id) ? 'read' : 'none' };
  };
}

export class DocumentService {
  constructor(
    private readonly store: Store,
    private readonly collab: CollabServer,
  ) {
    collab.registerPolicy('pitch', startupDocPolicy(store, 'pitch'));
    collab.registerPolicy('board', startupDocPolicy(store, 'board'));
  }

  /** The caller's access, or 403 when it is below `need`. */
  async require(caller: Caller, name: string, need: 'read' | 'edit'): Promise<DocAccess> {
    const access = await this.collab.access(caller, name);
    const rank = { none: 0, read: 1, comment: 2, edit: 3 } as const;
    if (rank[access.level] < rank[need]) {
      throw new Forbidden(need === 'edit' ? 'Only the startup’s founders change this document.' : 'You do not have access to this document.');
    }
    return access;
  }

  async versions(caller: Caller, name: string): Promise<DocVersion[]> {
    await this.require(caller, name, 'read');
    const records = await this.store.docs.versions(name);
    return Promise.all(
      records.map(async (v) => {
        const u = await this.store.users.byId(v.createdBy);
        return { id: v.id, name: v.name, createdAt: v.createdAt, createdBy: { id: v.createdBy, name: u?.name ?? '—' }, size: v.size };
      }),
    );
  }

  /** Saves the document's current state (live, or as stored) under a name. */
  async createVersion(caller: Caller, name: string, label: string): Promise<DocVersion> {
    await this.require(caller, name, 'edit');
    const room = await this.collab.room(name);
    const data = Y.encodeStateAsUpdate(room.doc);
    const v = { id: newId(), doc: name, name: label, createdBy: caller.user.id, createdAt: new Date().toISOString() };
    await this.store.docs.addVersion(v, data);
    return { id: v.id, name: label, createdAt: v.createdAt, createdBy: { id: caller.user.id, name: caller.user.name }, size: data.length };
  }

  async versionData(caller: Caller, name: string, versionId: string): Promise<Uint8Array> {
    await this.require(caller, name, 'read');
    const data = await this.store.docs.versionData(name, versionId);
    if (!data) throw new NotFound('No such version.');
    return data;
  }

  /** Restores a version as a new change, so every connected client converges; stored right away. */
  async restore(caller: Caller, name: string, versionId: string): Promise<void> {
    await this.require(caller, name, 'edit');
    const data = await this.store.docs.versionData(name, versionId);
    if (!data) throw new NotFound('No such version.');
    const room = await this.collab.room(name);
    room.restore(data);
    await room.flush();
  }

  async shares(caller: Caller, name: string): Promise<DocSharesResponse> {
    const access = await this.collab.access(caller, name);
    if (access.level !== 'edit' && caller.user.role !== 'operator') throw new Forbidden('Only the startup’s founders see who a document is shared with.');
    return this.#sharesView(name);
  }

  async setShares(caller: Caller, name: string, investorIds: string[]): Promise<DocSharesResponse> {
    await this.require(caller, name, 'edit');
    for (const id of investorIds) {
      const u = await this.store.users.byId(id);
      if (!u) throw new BadRequest(`investorIds: no such person (${id}).`);
      if (u.role !== 'investor') throw new BadRequest(`investorIds: ${u.name} is not an investor.`);
    }
    await this.store.docs.setShares(name, investorIds, caller.user.id, new Date().toISOString());
    await this.collab.recheck(name); // an investor no longer shared with is disconnected at once
    return this.#sharesView(name);
  }

  async #sharesView(name: string): Promise<DocSharesResponse> {
    const ids = await this.store.docs.shareIds(name);
    const investors = await Promise.all(ids.map(async (id) => ({ id, name: (await this.store.users.byId(id))?.name ?? '—' })));
    return { investors };
  }
}
