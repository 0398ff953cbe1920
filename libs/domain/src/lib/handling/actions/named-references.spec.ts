import { namedReferences } from './named-references';

describe('what an action names outside the proposal', () => {
  it('names every unit an assignment gives work to, with the field that names it', () => {
    expect(
      namedReferences('assign', {
        mode: 'lead',
        leadUnitId: 'education',
        coHandlerUnitIds: ['edu-cation', 'committee'],
      }),
    ).toEqual([
      { field: 'leadUnitId', unitId: 'education' },
      { field: 'coHandlerUnitIds[0]', unitId: 'edu-cation' },
      { field: 'coHandlerUnitIds[1]', unitId: 'committee' },
    ]);
    expect(namedReferences('assign', { mode: 'split', unitIds: ['a', 'b'] })).toEqual([
      { field: 'unitIds[0]', unitId: 'a' },
      { field: 'unitIds[1]', unitId: 'b' },
    ]);
  });

  it('names the replacement unit of a reassignment, and the proposal a merge goes into', () => {
    expect(
      namedReferences('decideObjection', { objectionId: 1, decision: 'reassign', reason: 'x', replacementUnitId: 'u' }),
    ).toEqual([{ field: 'replacementUnitId', unitId: 'u' }]);
    expect(namedReferences('review', { decision: 'merge', mergedInto: '8-2_1' })).toEqual([
      { field: 'mergedInto', proposalId: '8-2_1' },
    ]);
    expect(namedReferences('review', { decision: 'accept', mergedInto: '8-2_1' })).toEqual([]);
  });

  it('names the leaders of a key proposal who are users, each to be a supervisor', () => {
    expect(namedReferences('markKey', { leaders: ['张副市长'], leaderUserIds: ['zhang', 'wang'] })).toEqual([
      { field: 'leaderUserIds[0]', userId: 'zhang', role: 'supervisor' },
      { field: 'leaderUserIds[1]', userId: 'wang', role: 'supervisor' },
    ]);
    expect(namedReferences('markKey', { leaders: ['张副市长'] })).toEqual([]);
  });

  it('names nothing for actions that only touch the proposal', () => {
    expect(namedReferences('submitOpinion', { points: [] })).toEqual([]);
    expect(namedReferences('sendReminder', { unitId: 'education' })).toEqual([]);
  });
});
