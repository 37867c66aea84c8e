import { useCallback, useState } from 'react';
import type { PublicUser } from '../../../shared/schemas';
import { api } from '../lib/api';
import { useAsync } from '../lib/useAsync';
import { useDescribeError } from '../lib/useDescribeError';

export interface SharesData {
  /** Every investor in the space. */
  investors: PublicUser[];
  /** Ids of the investors the document is shared with now. */
  sharedIds: string[];
}

/** Who a document is shared with, the investors it could be shared with, and saving a new list. */
export function useShares(name: string) {
  const { state, reload, setData } = useAsync(async (): Promise<SharesData> => {
    const [{ users }, shares] = await Promise.all([api.listUsers('investor'), api.docShares(name)]);
    return { investors: users, sharedIds: shares.investors.map((i) => i.id) };
  }, name);
  const describe = useDescribeError();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const save = useCallback(
    async (investorIds: string[]) => {
      setPending(true);
      setError(null);
      setSaved(false);
      try {
        const shares = await api.setDocShares(name, investorIds);
        setData((d) => ({ ...d, sharedIds: shares.investors.map((i) => i.id) }));
        setSaved(true);
      } catch (err) {
        setError(describe(err));
      } finally {
        setPending(false);
      }
    },
    [name, describe, setData],
  );

  return { state, reload, save, pending, error, saved };
}
