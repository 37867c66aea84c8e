import type { DocAccessResponse } from '../../../shared/collab';
import { api } from '../lib/api';
import { useAsync } from '../lib/useAsync';
import { useMe } from '../session/sessionStore';

/** What I may do with a document (`edit` / `comment` / `read` / `none`), asked before connecting. */
export function useDocAccess(name: string) {
  const me = useMe();
  return useAsync<DocAccessResponse>(() => api.docAccess(name), `${name}:${me.id}`);
}
