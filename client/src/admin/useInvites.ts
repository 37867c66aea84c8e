import { useCallback, useState } from 'react';
import type { CreateInviteBody, CreatedInviteResponse, Invite, PublicUser, Startup } from '../../../shared/schemas';
import { api } from '../lib/api';
import { useAsync } from '../lib/useAsync';
import { useDescribeError } from '../lib/useDescribeError';

export interface InvitesData {
  invites: Invite[];
  startups: Startup[];
  peopleById: Map<string, PublicUser>;
}

/** The invites list (newest first) with the startups and people it refers to, plus create / revoke. */
export function useInvites() {
  const { state, reload, setData } = useAsync(async (): Promise<InvitesData> => {
    const [{ invites }, { startups }, { users }] = await Promise.all([api.listInvites(), api.listStartups(), api.listUsers()]);
    return {
      invites: invites.slice().sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
      startups,
      peopleById: new Map(users.map((u) => [u.id, u])),
    };
  }, 'invites');
  const describe = useDescribeError();
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedInviteResponse | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);

  const create = useCallback(
    async (body: CreateInviteBody) => {
      setCreating(true);
      setCreateError(null);
      setCreated(null);
      try {
        const res = await api.createInvite(body);
        setCreated(res);
        setData((d) => ({ ...d, invites: [res.invite, ...d.invites] }));
      } catch (err) {
        setCreateError(describe(err));
      } finally {
        setCreating(false);
      }
    },
    [describe, setData],
  );

  const revoke = useCallback(
    async (id: string) => {
      setRevokeError(null);
      try {
        await api.revokeInvite(id);
        const revokedAt = new Date().toISOString();
        setData((d) => ({ ...d, invites: d.invites.map((i) => (i.id === id ? { ...i, revokedAt } : i)) }));
      } catch (err) {
        setRevokeError(describe(err));
        reload();
      }
    },
    [describe, setData, reload],
  );

  return { state, reload, create, creating, createError, created, dismissCreated: () => setCreated(null), revoke, revokeError };
}
