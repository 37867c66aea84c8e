/** Types the SQLite repositories share. */
import type Database from 'better-sqlite3';

/** A row as better-sqlite3 returns it. */
export type Row = Record<string, unknown>;
/** Prepares (and caches) a statement by its SQL text. */
export type Prepare = (sql: string) => Database.Statement;
