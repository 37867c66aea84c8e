import { useCallback, useState } from 'react';
import type { RoadshowDetail, UpdateRoadshowBody } from '../../../shared/roadshow';
import { api, ApiRequestError } from '../lib/api';
import { useDescribeError } from '../lib/useDescribeError';

/** PUTs part of a roadshow (details or the whole agenda) and hands the saved detail to `onSaved`. */
export function useSaveRoadshow(id: string, onSaved: (roadshow: RoadshowDetail) => void) {
  const describe = useDescribeError();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  const save = useCallback(
    async (patch: UpdateRoadshowBody): Promise<boolean> => {
      setPending(true);
      setError(null);
      setFieldErrors({});
      setSaved(false);
      try {
        const { roadshow } = await api.updateRoadshow(id, patch);
        onSaved(roadshow);
        setSaved(true);
        return true;
      } catch (err) {
        if (err instanceof ApiRequestError && err.error.issues) {
          setFieldErrors(Object.fromEntries(err.error.issues.map((i) => [i.path, i.message])));
        }
        setError(describe(err));
        return false;
      } finally {
        setPending(false);
      }
    },
    [id, onSaved, describe],
  );
  return { save, pending, error, fieldErrors, saved };
}
