import type { DataSource } from 'typeorm';
import type { HandlingProjection } from '@banli/contracts';
import type { ProposalEvent } from '@banli/domain';
import { testDatabases } from '@banli/testing';
import {
  createDataSource,
  execSql,
  ProposalEventRepository,
  ProposalProjectionRepository,
  ReplyLetterAssembler,
  ReplySignatureRepository,
  runMigrations,
} from '../src';

/*
 * The letter's 会同 clause names the co-handling units whose opinions the reply combines, as
 * the audit trail tells it (`combinedOpinions`): after a reassignment the replacement counts
 * and the unit it replaced does not; a waived opinion is not combined. Events stored in the
 * shapes of earlier releases (a draft without topic, contact or headings) still make a letter.
 */

const LEAD = 'lt-transport';
const FINANCE = 'lt-finance';
const PLANNING = 'lt-planning';
const ECONOMY = 'lt-economy';
const OFFICE = 'lt-office';
const NAMES: Record<string, string> = {
  [LEAD]: 'X市交通运输局',
  [FINANCE]: 'X市财政局',
  [PLANNING]: 'X市规划局',
  [ECONOMY]: 'X市发展和改革委员会',
};

const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T02:00:00.000Z`;
const by = (unitId: string) => ({ actor: { userId: `user@${unitId}`, unitId } });

/** A history in which finance sends an opinion, objects and is replaced; planning's is waived. */
function historyOf(sessionCode: string, number: string): ProposalEvent[] {
  const opinion = (unitId: string, day: number): ProposalEvent => ({
    seq: 0,
    type: 'opinion-submitted',
    at: at(day),
    ...by(unitId),
    unitId,
    data: { version: 1, points: [{ seq: 1, adoption: 'adopted', text: `${NAMES[unitId]}的意见` }] },
  });
  const events: ProposalEvent[] = [
    { seq: 0, type: 'registered', at: at(1), data: { sessionCode, number } },
    {
      seq: 0,
      type: 'assigned',
      at: at(2),
      ...by(OFFICE),
      data: { mode: 'lead', replyingUnitIds: [LEAD], coHandlerUnitIds: [FINANCE, PLANNING] },
    },
    opinion(FINANCE, 3),
    {
      seq: 0,
      type: 'objection-raised',
      at: at(4),
      ...by(FINANCE),
      unitId: FINANCE,
      data: { objectionId: 1, reason: '不属于本单位职能' },
    },
    {
      seq: 0,
      type: 'objection-decided',
      at: at(5),
      ...by(OFFICE),
      unitId: FINANCE,
      data: { objectionId: 1, decision: 'reassign', reason: '职能调整', replacementUnitId: ECONOMY },
    },
    opinion(ECONOMY, 6),
    { seq: 0, type: 'opinion-waived', at: at(7), ...by(OFFICE), unitId: PLANNING, data: { reason: '无相关职能' } },
  ];
  return events.map((e, i) => ({ ...e, seq: i + 1 }));
}

describe.each(testDatabases())('reply letter assembly on $name', ({ config }) => {
  let dataSource: DataSource;
  let assembler: ReplyLetterAssembler;
  let serial = 0;

  /** A proposal in the read model with the history above, and the stored draft events given. */
  async function proposalWith(drafts: Record<string, unknown>[]): Promise<string> {
    const number = `${Date.now()}${++serial}${config.type === 'postgres' ? 'p' : 's'}`;
    const id = `8-2_${number}`;
    const events = historyOf('8-2', number);
    const projection: HandlingProjection = {
      proposalId: id,
      workflowId: `proposal-${id}`,
      version: 1,
      stage: 'drafting',
      receivedAt: at(1),
      leadUnitId: LEAD,
      assignedUnitIds: [LEAD, ECONOMY, PLANNING],
      keyProposal: false,
      tasks: [],
      deadlines: [],
      events,
      registration: {
        kind: 'proposal',
        sessionCode: '8-2',
        sessionName: '市政协八届二次会议',
        number,
        title: '关于优化公交线路的提案',
        proposers: [{ name: '李明', lead: true }],
        body: '正文',
        suggestionPoints: [{ seq: 1, text: '优化公交线路' }],
      },
    };
    await new ProposalProjectionRepository(dataSource).project(projection);
    // Drafts as an earlier release stored them: written straight into the table, not typed.
    for (const [i, data] of drafts.entries()) {
      await execSql(
        dataSource,
        `INSERT INTO "proposal_event" ("proposal_id", "seq", "type", "at", "actor_user_id", "actor_unit_id", "unit_id", "data")
         VALUES (:id, :seq, 'draft-submitted', :at, :user, :unit, :unit, :data)`,
        {
          id,
          seq: events.length + 1 + i,
          at: at(10 + i),
          user: `user@${LEAD}`,
          unit: LEAD,
          data: JSON.stringify(data),
        },
      );
    }
    return id;
  }

  beforeAll(async () => {
    dataSource = createDataSource(config);
    await dataSource.initialize();
    await runMigrations(dataSource);
    for (const [id, name] of Object.entries(NAMES)) {
      await execSql(
        dataSource,
        `INSERT INTO "org_unit" ("id", "name", "kind") VALUES (:id, :name, 'bureau') ON CONFLICT ("id") DO NOTHING`,
        { id, name },
      );
    }
    assembler = new ReplyLetterAssembler(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('combines the replacement’s opinion, not the replaced unit’s, and not a waived one', async () => {
    const id = await proposalWith([]);
    const letter = await assembler.assemble(
      id,
      LEAD,
      {
        replyClass: 'A',
        disclosure: 'publish',
        sections: [{ seq: 1, adoption: 'adopted', text: '已优化线路' }],
        topic: '公共交通',
        contact: { name: '王五', phone: '12345678' },
      },
      { documentNumber: 'X交函〔2026〕1号', signedOn: '2026-03-20' },
    );
    expect(letter.opening).toContain('我局会同X市发展和改革委员会认真研究');
    expect(letter.opening).not.toContain('X市财政局');
    expect(letter.opening).not.toContain('X市规划局');
  });

  it('signs a letter from a draft stored before topic, contact and headings existed', async () => {
    const oldDraft = {
      round: 1,
      draftVersion: 1,
      replyClass: 'B',
      disclosure: 'never',
      sections: [{ seq: 1, adoption: 'partly-adopted', text: '部分采纳' }],
    };
    const id = await proposalWith([oldDraft, { ...oldDraft, draftVersion: 2, replyClass: 'A' }]);
    await new ReplySignatureRepository(dataSource).sign({
      proposalId: id,
      unitId: LEAD,
      round: 1,
      draftVersion: 1,
      signedBy: 'signer',
      signedAt: '2026-03-20T02:00:00.000Z',
    });
    const letter = await assembler.assembleSigned(id, LEAD, 1);
    expect(letter.classMarker).toBe('(B类)');
    expect(letter.sections.map((s) => s.heading)).toEqual(['一、关于优化公交线路的建议']);
    expect(letter.closing).toContain('优化公交线路');
    expect(letter.contact).toBe('(联系人及电话：X市交通运输局 —)');

    const stored = await new ProposalEventRepository(dataSource).history(id);
    expect(stored.at(-1)).toEqual({
      seq: 9,
      type: 'draft-submitted',
      at: at(11),
      actor: { userId: `user@${LEAD}`, unitId: LEAD },
      unitId: LEAD,
      data: { ...oldDraft, draftVersion: 2, replyClass: 'A' },
    });
    expect(stored[0]).not.toHaveProperty('actor');
  });
});
