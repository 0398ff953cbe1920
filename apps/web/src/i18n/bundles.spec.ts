import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Every screen's words in both languages (point 10 of issue 18): each zh key has an en key and
 * each en key a zh key, and English text uses English punctuation (no full-width （）：，。、；！？
 * or 《》「」【】 quotes) and no Chinese beyond the names of the languages themselves.
 */
interface Bundle {
  namespace: string;
  zh: Record<string, unknown>;
  en: Record<string, unknown>;
}

const DIR = path.join(__dirname, 'bundles');
const load = (file: string): Bundle => require(path.join(DIR, file)) as Bundle;
const bundles = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, bundle: load(f) }));

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value))
      for (const [kk, vv] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  return out;
}

/** i18next's plural suffixes: English has _one/_other where Chinese has one form. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

const CJK_PUNCTUATION = /[（）：，。；！？《》「」『』【】〔〕\u3000]/;
const CJK = /\p{Script=Han}/u;
// The language menu names each language in itself.
const ALLOWED_HAN = new Set(['中文', '中']);
/**
 * English texts that quote what a Chinese file or letter holds (markers, separators, the reply
 * letter's own wording and numbering) as it is written there.
 */
const QUOTES_CHINESE_DATA = new Set([
  'calendar:formats',
  'intake:import.intro',
  'sessions:create.namePlaceholder',
  'organisation:wording.sectionHeading',
  'organisation:wording.placeholder.you',
  'organisation:wording.placeholder.proposers',
  'organisation:wording.placeholder.proposalTitle',
  'organisation:wording.placeholder.session',
  'organisation:wording.placeholder.document',
  'organisation:wording.placeholder.we',
  'proposal:draft.sectionAdoptionSentence',
  'proposal:draft.addMeasure',
  'inbox:searchPlaceholder',
  'proposals:queryPlaceholder',
]);

describe('i18n bundles', () => {
  it('finds the bundles', () => {
    expect(bundles.length).toBeGreaterThan(10);
  });

  it.each(bundles.map((b) => [b.file, b.bundle] as const))('%s: every zh key has an en key and vice versa', (_f, b) => {
    const zh = new Set([...leaves(b.zh).keys()].map(base));
    const en = new Set([...leaves(b.en).keys()].map(base));
    expect([...zh].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !zh.has(k))).toEqual([]);
  });

  it.each(bundles.map((b) => [b.file, b.bundle] as const))(
    '%s: English strings use English punctuation and no Chinese',
    (_f, b) => {
      const bad = [...leaves(b.en)].filter(
        ([k, v]) =>
          !QUOTES_CHINESE_DATA.has(`${b.namespace}:${k}`) &&
          (CJK_PUNCTUATION.test(v) || (CJK.test(v) && !ALLOWED_HAN.has(v))),
      );
      expect(bad).toEqual([]);
    },
  );

  it('the check bites: a full-width bracket in English is found', () => {
    expect(CJK_PUNCTUATION.test('24 Dec 2026（15 working days left）')).toBe(true);
    expect(CJK_PUNCTUATION.test('24 Dec 2026 (15 working days left)')).toBe(false);
  });
});
