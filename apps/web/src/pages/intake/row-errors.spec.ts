import i18n from 'i18next';
import * as intake from '../../i18n/bundles/intake';
import { detailText, fieldLabel } from './row-errors';

describe("an import row's problems in Chinese", () => {
  const t = i18n.createInstance();
  beforeAll(async () => {
    await t.init({
      lng: 'zh-CN',
      resources: { 'zh-CN': { intake: intake.zh }, en: { intake: intake.en } },
      defaultNS: 'intake',
      interpolation: { escapeValue: false },
    });
  });

  it('names the field as the form does, also for nested ones', () => {
    const f = (field?: string) => fieldLabel(t.t, field);
    expect(f('title')).toBe('案由');
    expect(f('proposers[1].name')).toBe('第 2 位提案人姓名');
    expect(f('proposers.0.lead')).toBe('第 1 位提案人的领衔标记');
    expect(f('suggestionPoints[2].seq')).toBe('第 3 条建议的序号');
    expect(f('secret')).toBe('secret');
    expect(f(undefined)).toBe('');
  });

  it("words the server's known rules in Chinese and keeps its words otherwise", () => {
    const d = (message: string) => detailText(t.t, { message });
    expect(d('is required (at most 200 characters)')).toBe('必须填写，且不超过 200 字');
    expect(d('must be 1-32 letters, digits or dashes')).toBe('须为 1–32 位字母、数字或短横线');
    expect(d('needs exactly one lead proposer')).toBe('须有且只有一位领衔提案人');
    expect(d('must be 3')).toBe('序号应为 3');
    expect(d('urgent must be a boolean value')).toBe('须为 true 或 false');
    expect(d('title must be shorter than or equal to 200 characters')).toBe('不能超过 200 字');
    expect(d('property secret should not exist')).toBe('不认识的字段');
    expect(d('something new')).toBe('something new');
  });
});
