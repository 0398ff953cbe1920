import { useCallback, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { client, idempotent, ok } from '../../api/client';
import { queryClient } from '../../api/query';
import { Intent } from './intent';
import type { ActionResult, ProposalDetail, ProposalEvent, SignedLetter, SimilarReply, Workspace } from './types';

/** The path of a proposal in the web UI and, under /api, in the API (its id is encoded like any segment). */
export function proposalPath(id: string, rest = ''): string {
  return `/proposals/${encodeURIComponent(id)}${rest}`;
}

export interface ProposalData {
  detail: ProposalDetail;
  events: ProposalEvent[];
  letters: SignedLetter[];
}

/** Every read about one proposal is under this key, so one invalidation reloads them all. */
export const proposalKey = (id: string) => ['proposal', id] as const;

/** The proposal, its audit trail and its signed letters; `reload` after every action. */
export function useProposal(id: string) {
  const query = useQuery({
    queryKey: proposalKey(id),
    queryFn: async ({ signal }): Promise<ProposalData> => {
      const params = { path: { id } };
      const [detail, events, letters] = await Promise.all([
        ok(client.GET('/api/proposals/{id}', { params, signal })),
        ok(client.GET('/api/proposals/{id}/events', { params, signal })),
        ok(client.GET('/api/proposals/{id}/letters', { params, signal })),
      ]);
      return { detail, events, letters };
    },
  });
  const reload = useCallback(() => queryClient.invalidateQueries({ queryKey: proposalKey(id) }), [id]);
  return { data: query.data ?? null, error: query.error, loading: query.isFetching, reload };
}

/** The drafting workspace of a proposal for one replying unit (the caller's own by default). */
export function useWorkspace(proposalId: string, unitId: string | undefined) {
  return useQuery({
    queryKey: [...proposalKey(proposalId), 'workspace', unitId],
    queryFn: ({ signal }): Promise<Workspace> =>
      ok(
        client.GET('/api/proposals/{id}/workspace', {
          params: { path: { id: proposalId }, query: { unitId } },
          signal,
        }),
      ),
  });
}

/** What one typed action call answers (openapi-fetch's result of a `POST /api/proposals/{id}/…`). */
type ActionCall = Promise<{ data?: ActionResult; response: Response }>;

/**
 * Runs the actions of one panel: each submit is a user intent with its Idempotency-Key (see
 * Intent). The caller's form keeps what was typed: nothing here resets it. `send` is the typed
 * call of the action's operation, given the body and the idempotency header, e.g.
 * `run({ reason }, (body, headers) => client.POST('/api/proposals/{id}/objections', { params, body, headers }))`;
 * `aim` tells apart intents with the same body aimed at different things (a unit in the path).
 */
export function useAction(proposalId: string) {
  const intent = useRef(new Intent());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = useCallback(
    async <B extends object>(
      body: B,
      send: (body: B, headers: ReturnType<typeof idempotent>) => ActionCall,
      aim = '',
    ): Promise<ActionResult | undefined> => {
      const idempotencyKey = intent.current.keyFor(`${proposalId}\n${aim}`, body);
      setBusy(true);
      setError(null);
      try {
        const result = await ok(send(body, idempotent(idempotencyKey)));
        intent.current.succeeded();
        return result;
      } catch (e) {
        intent.current.failed(e);
        setError(e);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [proposalId],
  );

  return { run, busy, error, clearError: () => setError(null) };
}

/** The path parameter of every action on one proposal. */
export const onProposal = (id: string) => ({ path: { id } });

/** 相似答复参考: the signed replies of other proposals most like this one (drafting staff only). */
export function useSimilarReplies(proposalId: string) {
  return useQuery({
    queryKey: [...proposalKey(proposalId), 'similar-replies'],
    queryFn: ({ signal }): Promise<SimilarReply[]> =>
      ok(client.GET('/api/proposals/{id}/similar-replies', { params: { path: { id: proposalId } }, signal })),
  });
}
