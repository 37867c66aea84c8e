/** The storage contract of collaboration documents: an append-only update log per document, compacted now and then. */

export interface StoredUpdate {
  id: number;
  data: Uint8Array;
}

export interface DocVersionRecord {
  id: string;
  doc: string;
  name: string;
  createdBy: string;
  createdAt: string;
  /** Bytes of the stored state. */
  size: number;
}

export interface DocRepo {
  /** The document's update log, oldest first. */
  loadUpdates(doc: string): Promise<StoredUpdate[]>;
  /** Appends one (merged) update; returns its id. */
  appendUpdate(doc: string, data: Uint8Array, now: string): Promise<number>;
  /** Replaces every log entry up to `upToId` with one snapshot, atomically. */
  compact(doc: string, snapshot: Uint8Array, upToId: number, now: string): Promise<void>;

  addVersion(v: Omit<DocVersionRecord, 'size'>, data: Uint8Array): Promise<void>;
  /** Named versions, newest first (without their data). */
  versions(doc: string): Promise<DocVersionRecord[]>;
  versionData(doc: string, id: string): Promise<Uint8Array | undefined>;

  shareIds(doc: string): Promise<string[]>;
  setShares(doc: string, userIds: string[], by: string, now: string): Promise<void>;
}
