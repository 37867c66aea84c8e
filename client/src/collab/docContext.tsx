import { createContext, useContext, type ReactNode } from 'react';
import type { DocAccessLevel } from '../../../shared/collab';
import type { DocConnection } from './DocConnection';

/** An open document as its components need it: the live connection and what I may do with it. */
export interface OpenDoc {
  connection: DocConnection;
  /** `edit`, `comment` or `read` (a `none` never gets this far). */
  access: Exclude<DocAccessLevel, 'none'>;
}

const Context = createContext<OpenDoc | null>(null);

/** Hands the page's open document to its editor, panels and board. */
export function OpenDocProvider({ value, children }: { value: OpenDoc; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The open document; only call below `OpenDocProvider`. */
export function useOpenDoc(): OpenDoc {
  const doc = useContext(Context);
  if (!doc) throw new Error('useOpenDoc: missing <OpenDocProvider>');
  return doc;
}

/** Whether I may change the document's content (founders). */
export const canEdit = (access: OpenDoc['access']): boolean => access === 'edit';
/** Whether I may add comment threads and replies (founders, mentors, operators on a pitch doc). */
export const canComment = (access: OpenDoc['access']): boolean => access === 'edit' || access === 'comment';
