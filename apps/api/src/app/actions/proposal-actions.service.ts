import { createHash, randomUUID } from 'node:crypto';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { ActionRequest, ActionResult, proposalUpdates, ProposalUpdateName } from '@banli/contracts';
import { DomainError, HANDLING_ACTIONS, hasRole, proposalWorkflowIdOf } from '@banli/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { ProposalAccessService } from '../access/proposal-access.service';
import { WorkflowCallQueue, withUnappliedRetries } from '../temporal/workflow-call-queue';
import type { NamedReferencesChecker } from './named-references.checker';
import type { ReadModelWait } from './read-model-wait';

/** How long an action may wait for Temporal before the API answers 503. */
export const TEMPORAL_CALL_DEADLINE_MS = 15_000;

/**
 * Performs a human action on a proposal: checks that the caller may see it and holds a role
 * for it, then sends the workflow update and returns once the workflow accepted it and the
 * read model shows it (the workflow answers once the projection is scheduled, with the version
 * it will write; `ReadModelWait` waits for the proposal's row to show it). With an idempotency key the update id is derived from it, so a
 * retried request is the same update for Temporal and is applied once; without one, each
 * request gets its own update id. Calls to one proposal go one at a time from this process
 * (`WorkflowCallQueue`), and an update Temporal did not apply is sent again with its id.
 */
export class ProposalActionsService {
  constructor(
    private readonly temporal: Client,
    private readonly access: ProposalAccessService,
    private readonly calls: WorkflowCallQueue,
    private readonly references: NamedReferencesChecker,
    private readonly readModel: ReadModelWait,
  ) {}

  async perform(
    user: AuthenticatedUser,
    proposalId: string,
    action: ProposalUpdateName,
    input: object,
    options: { idempotencyKey?: string; requestId?: string } = {},
  ): Promise<ActionResult> {
    await this.access.readable(user, proposalId);
    // Refused before Temporal is asked: the roles of the domain's actions table (the
    // workflow checks them again, with unit, stage and deadlines).
    const { roles } = HANDLING_ACTIONS[action];
    if (!hasRole(user, ...roles)) {
      throw new DomainError('ROLE_REQUIRED', `This action needs the role ${roles.join(' or ')}`);
    }
    // Units and proposals the input names must exist (the workflow cannot see them).
    await this.references.check(action, proposalId, input);
    const resolved = await this.references.resolved(action, input);
    const request: ActionRequest<unknown> = {
      actor: { userId: user.userId, unitId: user.unitId, roles: user.roles },
      input: { ...resolved },
      ...(options.requestId ? { requestId: options.requestId } : {}),
    };
    const workflowId = proposalWorkflowIdOf(proposalId);
    const handle = this.temporal.workflow.getHandle(workflowId);
    // One bound for the whole action: the update and the wait for the read model together.
    const deadline = Date.now() + TEMPORAL_CALL_DEADLINE_MS;
    const updateId = options.idempotencyKey
      ? updateIdOf(user.userId, proposalId, action, options.idempotencyKey)
      : randomUUID();
    // Never hang: when the workflow cannot finish the action in time (no worker, the database
    // down so its projection keeps retrying), the caller gets 503 and retries with its key;
    // the update goes on in the workflow, and the retry (the same update id) gets its result.
    let result: ActionResult;
    try {
      result = await this.calls.run(workflowId, () =>
        this.temporal.withDeadline(deadline, () =>
          withUnappliedRetries(() => handle.executeUpdate(proposalUpdates[action], { args: [request], updateId })),
        ),
      );
    } catch (e) {
      // The proposal is readable (so it exists) but its workflow has completed: closed,
      // merged or converted. Every action is refused alike, with a code a client can act on.
      if (e instanceof WorkflowNotFoundError) {
        throw new DomainError('HANDLING_ENDED', 'The handling of this proposal has ended; no action is possible');
      }
      throw e;
    }
    // Outside the per-proposal queue: the next action on this proposal need not wait for it.
    await this.readModel.until(proposalId, result.version, deadline);
    return result;
  }
}

function updateIdOf(userId: string, proposalId: string, action: string, key: string): string {
  return createHash('sha256')
    .update(JSON.stringify([userId, proposalId, action, key]))
    .digest('hex');
}
