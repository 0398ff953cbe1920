import type { Role } from '@banli/domain';

/** A prefecture-level city with the bureaus of DOMAIN.md, for trying Banli and for tests. */
export const DEMO_UNITS = [
  { id: 'gov-office', name: 'X市人民政府办公室', kind: 'assigning-office', issuerCode: 'X政办函' },
  { id: 'committee', name: 'X市政协提案委员会', kind: 'proposal-committee', issuerCode: 'X政协提函' },
  { id: 'industry-it', name: 'X市工业和信息化局', kind: 'bureau', issuerCode: 'X工信函' },
  { id: 'human-resources', name: 'X市人力资源和社会保障局', kind: 'bureau', issuerCode: 'X人社函' },
  { id: 'education', name: 'X市教育局', kind: 'bureau', issuerCode: 'X教函' },
  { id: 'government-data', name: 'X市政务服务和数据管理局', kind: 'bureau', issuerCode: 'X数据函' },
  { id: 'market-regulation', name: 'X市市场监督管理局', kind: 'bureau', issuerCode: 'X市监函' },
] as const;

export interface DemoUser {
  username: string;
  displayName: string;
  unitId: string;
  roles: Role[];
  /** Where notices go by e-mail: `{username}@demo.banli.local`. */
  email: string;
  /** A mobile number for SMS notices (13800571001, 13800571002, …: demo values, not real). */
  phone: string;
}

/** One user per role; co-handling handlers in every co-handling bureau. */
const PEOPLE: Omit<DemoUser, 'email' | 'phone'>[] = [
  { username: 'registrar', displayName: '提案委登记员', unitId: 'committee', roles: ['registrar'] },
  { username: 'officer', displayName: '市府办交办员', unitId: 'gov-office', roles: ['assigning-officer'] },
  { username: 'supervisor', displayName: '市府办督办员', unitId: 'gov-office', roles: ['supervisor'] },
  { username: 'admin', displayName: '系统管理员', unitId: 'gov-office', roles: ['admin'] },
  { username: 'lead-handler', displayName: '工信局承办人', unitId: 'industry-it', roles: ['handler'] },
  { username: 'lead-reviewer', displayName: '工信局核稿人', unitId: 'industry-it', roles: ['reviewer'] },
  { username: 'lead-signer', displayName: '工信局签发领导', unitId: 'industry-it', roles: ['signer'] },
  ...(['human-resources', 'education', 'government-data', 'market-regulation'] as const).flatMap((unitId) => [
    { username: `${unitId}-cohandler`, displayName: `${unitId} 会办人`, unitId, roles: ['co-handler'] as Role[] },
    { username: `${unitId}-handler`, displayName: `${unitId} 承办人`, unitId, roles: ['handler'] as Role[] },
    { username: `${unitId}-reviewer`, displayName: `${unitId} 核稿人`, unitId, roles: ['reviewer'] as Role[] },
    { username: `${unitId}-signer`, displayName: `${unitId} 签发领导`, unitId, roles: ['signer'] as Role[] },
  ]),
];

export const DEMO_USERS: DemoUser[] = PEOPLE.map((u, i) => ({
  ...u,
  email: `${u.username}@demo.banli.local`,
  phone: `1380057${String(1001 + i)}`,
}));
