import { useCallback, useState } from 'react';
import type { DocVersion } from '../../../../shared/collab';
import { api } from '../../lib/api';
import { useAsync } from '../../lib/useAsync';
import { useDescribeError } from '../../lib/useDescribeError';

/** A document's saved versions (newest first), and saving / restoring one. */
export function useVersions(name: string) {
  const { state, reload, setData } = useAsync(async () => (await api.docVersions(name)).versions, name);
  const describe = useDescribeError();
  const [pending, setPending] = useState<'save' | 'restore' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [restoredId, setRestoredId] = useState<string | null>(null);

  const save = useCallback(
    async (versionName: string): Promise<boolean> => {
      setPending('save');
      setError(null);
      try {
        const { version } = await api.saveDocVersion(name, versionName);
        setData((list: DocVersion[]) => [version, ...list.filter((v) => v.id !== version.id)]);
        return true;
      } catch (err) {
        setError(describe(err));
        return false;
      } finally {
        setPending(null);
      }
    },
    [name, describe, setData],
  );

  const restore = useCallback(
    async (id: string): Promise<boolean> => {
      setPending('restore');
      setError(null);
      setRestoredId(null);
      try {
        await api.restoreDocVersion(name, id);
        setRestoredId(id);
        reload();
        return true;
      } catch (err) {
        setError(describe(err));
        return false;
      } finally {
        setPending(null);
      }
    },
    [name, describe, reload],
  );

  return { state, reload, save, restore, pending, error, restoredId };
}
