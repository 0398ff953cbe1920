import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { testDatabases } from '@banli/testing';
import { createApp } from '../src/app/create-app';
import { checkResponsesAgainstOpenApi } from './support/openapi-responses';
import { as } from './support/api-client';
import { assignedToOne, assignedWithLead, Clients, draftOf, uniqueNumber } from './support/proposals';
import { startStack, Stack } from './support/stack';

/**
 * The same task submitted many times at once, WITHOUT idempotency keys (separate requests: a
 * double click, two tabs, two people of one unit): exactly one is applied, every other answers
 * a coded 409 (ALREADY_DONE or WRONG_STAGE), none a 5xx, and the audit trail holds one event.
 * The workflow applies an accepted update before the next one's validator runs; the API sends
 * the calls of one proposal one at a time (WorkflowCallQueue), since Temporal admits only 10
 * updates in flight per workflow.
 */
const TIMES = 50;

type Answer = { status: number; body: { error?: { code: string } } & Record<string, unknown> };
type Event = { type: string; seq: number };

describe.each(testDatabases())('concurrent submissions of one task ($name)', ({ config }) => {
  let stack: Stack;
  const u: Clients = {};

  beforeAll(async () => {
    stack = await startStack(config);
    for (const name of [
      'registrar',
      'officer',
      'supervisor',
      'education-cohandler',
      'human-resources-cohandler',
      'education-handler',
      'education-reviewer',
      'education-signer',
    ]) {
      u[name] = await as(stack, name);
    }
  });
  afterAll(async () => {
    await stack?.close();
  });

  const events = async (id: string): Promise<Event[]> =>
    (await u['supervisor'].get(`/api/proposals/${id}/events`).expect(200)).body;
  const countBy = (xs: string[]) => xs.reduce<Record<string, number>>((m, x) => ({ ...m, [x]: (m[x] ?? 0) + 1 }), {});

  /** Exactly one 200; every other answer a 409 with ALREADY_DONE or WRONG_STAGE. */
  function expectOneAccepted(what: string, answers: Answer[]): Answer {
    const summary = `${what}: ${JSON.stringify(countBy(answers.map((r) => `${r.status} ${r.body.error?.code ?? ''}`)))}`;
    const refusals = answers.filter((r) => r.status !== 200);
    expect({ summary, accepted: answers.length - refusals.length }).toEqual({ summary, accepted: 1 });
    const coded = refusals.every(
      (r) => r.status === 409 && ['ALREADY_DONE', 'WRONG_STAGE'].includes(r.body.error?.code ?? ''),
    );
    expect({ summary, coded }).toEqual({ summary, coded: true });
    return answers.find((r) => r.status === 200) as Answer;
  }

  /** Fires TIMES requests at once as `who`; answers the winner and the audit events it added. */
  async function race(who: string, id: string, path: string, body: (i: number) => object) {
    const before = (await events(id)).length;
    const answers: Answer[] = await Promise.all(
      Array.from({ length: TIMES }, (_, i) => u[who].post(`/api/proposals/${id}/${path}`, body(i))),
    );
    const winner = expectOneAccepted(path, answers);
    return { winner, added: (await events(id)).slice(before).map((e) => e.type) };
  }

  it(`registers once, then reviews, assigns and takes each opinion once out of ${TIMES} requests`, async () => {
    const number = uniqueNumber('c');
    const id = `8-2_${number}`;
    const registration = {
      kind: 'proposal',
      sessionCode: '8-2',
      sessionName: '市政协八届二次会议',
      number,
      title: '关于并发办理的提案',
      proposers: [{ name: '李明', lead: true }],
      body: '正文',
      suggestionPoints: [{ seq: 1, text: '建议' }],
    };
    // Registration is repeat-safe: one 201 (created), the others 200 (the same proposal).
    const registered = await Promise.all(
      Array.from({ length: TIMES }, () => u['registrar'].post('/api/proposals', registration)),
    );
    expect(countBy(registered.map((r) => String(r.status)))).toEqual({ '201': 1, '200': TIMES - 1 });
    expect((await events(id)).map((e) => e.type)).toEqual(['registered']);

    expect((await race('registrar', id, 'review', () => ({ decision: 'accept' }))).added).toEqual(['reviewed']);
    const assigned = await race('officer', id, 'assignment', () => ({
      mode: 'lead',
      leadUnitId: 'education',
      coHandlerUnitIds: ['human-resources'],
    }));
    expect(assigned.added).toEqual(['assigned']);
    // The same opinion again is no revision: ALREADY_DONE (a changed one would be a revision).
    const opinion = await race('human-resources-cohandler', id, 'opinions', () => ({
      points: [{ seq: 1, adoption: 'partly-adopted', text: '部分同意' }],
      summary: '会办意见',
    }));
    expect(opinion.added).toEqual(['opinion-submitted']);
  });

  it(`submits, approves, signs and dispatches a reply once out of ${TIMES} requests each`, async () => {
    const id = await assignedToOne(u, 'education');
    expect((await race('education-handler', id, 'drafts', () => draftOf())).added).toEqual(['draft-submitted']);
    const reviewed = await race('education-reviewer', id, 'drafts/review', (i) => ({
      decision: 'approve',
      comment: `同意（第${i}次）`,
    }));
    expect(reviewed.added).toEqual(['draft-reviewed']);

    const signed = await race('education-signer', id, 'sign-off', () => ({ decision: 'sign' }));
    expect(signed.added).toEqual(['reply-signed']);
    const numbers = await stack.dataSource.query(
      `SELECT "document_number" FROM "reply_signature" WHERE "proposal_id" = '${id}'`,
    );
    expect(numbers.map((s: { document_number: string }) => s.document_number)).toEqual([
      signed.winner.body['documentNumber'],
    ]);
    expect((await race('education-handler', id, 'dispatch', () => ({}))).added).toEqual(['reply-dispatched']);
  });

  describe('with a second API replica', () => {
    let replica: INestApplication;
    let replicaUrl: string;

    beforeAll(async () => {
      // Same database, Temporal and task queue as the stack's API (startStack set the environment).
      replica = await createApp({ host: '127.0.0.1', port: 0, bodyLimit: '1mb' }, { logger: false });
      checkResponsesAgainstOpenApi(replica);
      await replica.listen(0, '127.0.0.1');
      replicaUrl = (await replica.getUrl()).replace('[::1]', '127.0.0.1');
    });
    afterAll(async () => {
      await replica?.close();
    });

    it(`takes one sign-off out of ${TIMES} sent through two API processes at once`, async () => {
      const id = await assignedWithLead(u, 'education', ['human-resources']);
      await u['human-resources-cohandler']
        .post(`/api/proposals/${id}/opinions`, { points: [{ seq: 1, adoption: 'adopted', text: '同意' }] })
        .expect(200);
      await u['education-handler'].post(`/api/proposals/${id}/drafts`, draftOf()).expect(200);
      await u['education-reviewer'].post(`/api/proposals/${id}/drafts/review`, { decision: 'approve' }).expect(200);

      const bearer = `Bearer ${await stack.token('education-signer')}`;
      const before = (await events(id)).length;
      const answers: Answer[] = await Promise.all(
        Array.from({ length: TIMES }, (_, i) =>
          request(i % 2 ? replicaUrl : stack.url)
            .post(`/api/proposals/${id}/sign-off`)
            .set('authorization', bearer)
            .send({ decision: 'sign' }),
        ),
      );
      expectOneAccepted('sign-off on two replicas', answers);
      expect((await events(id)).slice(before).map((e) => e.type)).toEqual(['reply-signed']);
    });
  });
});
