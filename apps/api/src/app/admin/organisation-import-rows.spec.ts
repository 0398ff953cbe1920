import { organisationRowsOf } from './organisation-import-rows';

describe('organisationRowsOf: the rows of an organisation import', () => {
  it('reads a CSV with a type column, units first, roles split, booleans and numbers typed', () => {
    const csv = [
      'type,id,name,kind,sortOrder,enabled,username,displayName,unitId,roles,password',
      'person,,,,,,zhang.wei,张伟,water,handler;reviewer,long-enough',
      'unit,water,X市水利局,bureau,3,是,,,,,',
      'office,,,,,,,,,,',
    ].join('\n');
    expect(organisationRowsOf('text/csv; charset=utf-8', '\uFEFF' + csv)).toEqual([
      { row: 2, type: 'unit', data: { id: 'water', name: 'X市水利局', kind: 'bureau', sortOrder: 3, enabled: true } },
      {
        row: 1,
        type: 'person',
        data: {
          username: 'zhang.wei',
          displayName: '张伟',
          unitId: 'water',
          roles: ['handler', 'reviewer'],
          password: 'long-enough',
        },
      },
      { row: 3, type: 'unknown', data: {} },
    ]);
  });

  it('numbers JSON rows units first, then people', () => {
    const rows = organisationRowsOf('application/json', {
      units: [{ id: 'water' }],
      people: [{ username: 'zhang.wei' }, { username: 'li.na' }],
    });
    expect(rows.map((r) => [r.row, r.type])).toEqual([
      [1, 'unit'],
      [2, 'person'],
      [3, 'person'],
    ]);
  });

  it.each([
    ['a CSV without a type column', 'text/csv', 'id,name\nwater,X市水利局', 400],
    ['a CSV with an unknown column', 'text/csv', 'type,colour\nunit,blue', 400],
    ['JSON that is a bare list', 'application/json', [{ id: 'water' }], 400],
    ['JSON with another key', 'application/json', { units: [], proposals: [] }, 400],
    ['XML', 'application/xml', '<units/>', 415],
  ])('refuses %s as a whole', (_what, type, body, status) => {
    expect(() => organisationRowsOf(type, body)).toThrow(expect.objectContaining({ status }));
  });
});
