import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { Intent } from './intent';
import type { ActionResult, ProposalDetail, ProposalEvent, SignedLetter } from './types';

/** The API path of a proposal (its id holds `_`, and is encoded like any path segment). */
export function proposalPath(id: string, rest = ''): string {
  return `/proposals/${encodeURIComponent(id)}${rest}`;
}

export interface ProposalData {
  detail: ProposalDetail;
  events: ProposalEvent[];
  letters: SignedLetter[];
}

/** The proposal, its audit trail and its signed letters; `reload` after every action. */
export function useProposal(id: string) {
  const [data, setData] = useState<ProposalData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const [detail, events, letters] = await Promise.all([
        api<ProposalDetail>(proposalPath(id)),
        api<ProposalEvent[]>(proposalPath(id, '/events')),
        api<SignedLetter[]>(proposalPath(id, '/letters')),
      ]);
      setData({ detail, events, letters });
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [id]);

  useEffect(() => {
    setData(null);
    void reload();
  }, [reload]);

  return { data, error, loading, reload };
}

/**
 * Runs the actions of one panel: each submit is a user intent with its Idempotency-Key (see
 * Intent). The caller's form keeps what was typed: nothing here resets it.
 */
export function useAction(proposalId: string) {
  const intent = useRef(new Intent());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = useCallback(
    async (path: string, body: object = {}): Promise<ActionResult | undefined> => {
      const idempotencyKey = intent.current.keyFor(path, body);
      setBusy(true);
      setError(null);
      try {
        const result = await api<ActionResult>(proposalPath(proposalId, path), { body, idempotencyKey });
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
