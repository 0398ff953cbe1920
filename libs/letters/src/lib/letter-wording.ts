import { ADOPTIONS, DomainError, type Adoption, type ErrorDetail } from '@banli/domain';

/**
 * How an issuer words its reply letters (措辞模板): the opening, the closing and the section
 * phrases, with `{placeholder}`s that the letter fills in. A unit (the lead bureau) may have
 * its own; otherwise the city's, otherwise DEFAULT_LETTER_WORDING. The wording is resolved
 * when a letter is signed and kept with the signature, so a later change never rewrites it.
 */
export interface LetterWording {
  /** The paragraph after the salutation. */
  opening: string;
  /** What `{consulted}` prints when units were consulted (nothing when none were). */
  consulted: string;
  /** The paragraph after the last section. */
  closing: string;
  /** A section's heading after its number `一、`; `{pointTitle}` is the point's subject. */
  sectionHeading: string;
  /** The adoption sentence of a section, by adoption. */
  adoption: Record<Adoption, string>;
  /** `{you}` for one proposer and for several: `您`/`您们` by default; a bureau may write `你们` for both. */
  addressOne: string;
  addressMany: string;
}

/** A wording as stored for one scope: the city's default, or one issuing unit's. */
export type LetterWordingScope = { kind: 'city' } | { kind: 'unit'; unitId: string };

/** The words of a real letter; also what every letter signed before templates existed says. */
export const DEFAULT_LETTER_WORDING: LetterWording = {
  opening:
    '{you}提出的《{proposalTitle}》（{session}第{proposalNumber}号{document}）收悉。{we}{consulted}认真研究，现答复如下：',
  consulted: '会同{consultedUnits}',
  closing: '专此答复，诚挚感谢{you}对{topic}工作的关心支持。',
  sectionHeading: '关于{pointTitle}的建议',
  adoption: {
    adopted: '吸收采纳该建议。',
    'partly-adopted': '部分采纳该建议。',
    'for-reference': '该建议留作参考。',
  },
  addressOne: '您',
  addressMany: '您们',
};

/** Every placeholder a wording may use, with what it prints (for the admin screen and the API). */
export const LETTER_PLACEHOLDERS = {
  you: '您 / 您们 by the number of proposers (addressOne / addressMany)',
  proposers: 'The proposers as addressed: 李明委员, or 李明等委员 for several',
  proposalTitle: 'The proposal title (案由) without 《》',
  proposalNumber: 'The proposal number: 0123',
  session: 'The session: 市政协八届二次会议',
  document: '提案 or 建议, by the kind of proposal',
  we: 'How the issuer says "we": 我局',
  issuer: "The issuer's full name",
  consulted: 'The consulted-units phrase (the consulted field), or nothing when no unit was consulted',
  consultedUnits: 'The consulted units in assignment order, by letter short name, joined by 、',
  topic: 'The field of work thanked for: 数字经济发展',
  pointTitle: "A section's subject (section heading only)",
} as const;

export type LetterPlaceholder = keyof typeof LETTER_PLACEHOLDERS;

/** Which placeholders each field may use. */
const GENERAL: readonly LetterPlaceholder[] = [
  'you',
  'proposers',
  'proposalTitle',
  'proposalNumber',
  'session',
  'document',
  'we',
  'issuer',
  'consultedUnits',
  'topic',
];
const FIELD_PLACEHOLDERS: Record<string, readonly LetterPlaceholder[]> = {
  opening: [...GENERAL, 'consulted'],
  closing: [...GENERAL, 'consulted'],
  consulted: GENERAL,
  sectionHeading: [...GENERAL, 'pointTitle'],
  adoption: GENERAL,
  addressOne: [],
  addressMany: [],
};

const FIELD_LENGTH = 300;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const TOKEN = /\{([^{}]*)\}/g;

/**
 * Checks a wording as an admin submits it: every field present, one line, at most 300
 * characters, braces balanced, and only the placeholders the field may use. Throws
 * VALIDATION_FAILED (422) with a detail per faulty field, e.g. `opening`, `adoption.adopted`.
 */
export function checkLetterWording(input: unknown): LetterWording {
  const details: ErrorDetail[] = [];
  const source = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const text = (field: string, value: unknown, allowed: readonly LetterPlaceholder[]): string => {
    if (typeof value !== 'string' || value.trim() === '') {
      details.push({ field, message: 'is required' });
      return '';
    }
    if (value.length > FIELD_LENGTH) details.push({ field, message: `at most ${FIELD_LENGTH} characters` });
    if (CONTROL_CHARACTERS.test(value)) details.push({ field, message: 'must be one line' });
    const unknown = [...value.matchAll(TOKEN)]
      .map((m) => m[1])
      .filter((name) => !(allowed as readonly string[]).includes(name));
    if (unknown.length > 0) {
      details.push({
        field,
        message: `unknown placeholder ${unknown.map((n) => `{${n}}`).join(', ')}; this field may use ${
          allowed.length > 0 ? allowed.map((n) => `{${n}}`).join(', ') : 'none'
        }`,
      });
    } else if (/[{}]/.test(value.replace(TOKEN, ''))) {
      details.push({ field, message: 'has an unmatched { or }' });
    }
    return value.trim();
  };
  const adoptionSource = (
    typeof source['adoption'] === 'object' && source['adoption'] !== null ? source['adoption'] : {}
  ) as Record<string, unknown>;
  if (typeof source['adoption'] !== 'object' || source['adoption'] === null) {
    details.push({ field: 'adoption', message: `is required: ${ADOPTIONS.join(', ')}` });
  }
  const wording: LetterWording = {
    opening: text('opening', source['opening'], FIELD_PLACEHOLDERS['opening']),
    consulted: text('consulted', source['consulted'], FIELD_PLACEHOLDERS['consulted']),
    closing: text('closing', source['closing'], FIELD_PLACEHOLDERS['closing']),
    sectionHeading: text('sectionHeading', source['sectionHeading'], FIELD_PLACEHOLDERS['sectionHeading']),
    adoption: Object.fromEntries(
      ADOPTIONS.map((a) => [a, text(`adoption.${a}`, adoptionSource[a], FIELD_PLACEHOLDERS['adoption'])]),
    ) as Record<Adoption, string>,
    addressOne: text('addressOne', source['addressOne'], FIELD_PLACEHOLDERS['addressOne']),
    addressMany: text('addressMany', source['addressMany'], FIELD_PLACEHOLDERS['addressMany']),
  };
  if (details.length > 0) {
    const list = details.map((d) => `${d.field} ${d.message}`).join('; ');
    throw new DomainError('VALIDATION_FAILED', `The letter wording cannot be used: ${list}`, details);
  }
  return wording;
}

/** What the placeholders of one letter stand for. */
export type LetterPlaceholderValues = Record<Exclude<LetterPlaceholder, 'consulted' | 'pointTitle'>, string>;

/**
 * Fills a wording's placeholders. Pure. `{consulted}` prints the consulted phrase only when
 * units were consulted; `{pointTitle}` only means something in a section heading.
 */
export function fillPlaceholders(
  template: string,
  values: LetterPlaceholderValues,
  consultedPhrase: string,
  pointTitle = '',
): string {
  return template.replace(TOKEN, (whole, name: string) => {
    if (name === 'consulted') return consultedPhrase;
    if (name === 'pointTitle') return pointTitle;
    return name in values ? values[name as keyof LetterPlaceholderValues] : whole;
  });
}

/** The phrases of one letter, its placeholders filled: what buildReplyLetter prints. */
export interface LetterPhrases {
  opening: string;
  closing: string;
  sectionHeading(pointTitle: string): string;
  adoption(adoption: Adoption): string;
}

/** Writes out a wording for one letter. Pure. */
export function letterPhrases(
  wording: LetterWording,
  facts: Omit<LetterPlaceholderValues, 'you' | 'consultedUnits'> & {
    proposerCount: number;
    consultedUnits: readonly string[];
  },
): LetterPhrases {
  const { proposerCount, consultedUnits, ...rest } = facts;
  const values: LetterPlaceholderValues = {
    ...rest,
    you: proposerCount > 1 ? wording.addressMany : wording.addressOne,
    consultedUnits: consultedUnits.join('、'),
  };
  const consulted = consultedUnits.length > 0 ? fillPlaceholders(wording.consulted, values, '') : '';
  const fill = (template: string, pointTitle?: string) => fillPlaceholders(template, values, consulted, pointTitle);
  return {
    opening: fill(wording.opening),
    closing: fill(wording.closing),
    sectionHeading: (pointTitle) => fill(wording.sectionHeading, pointTitle),
    adoption: (adoption) => fill(wording.adoption[adoption]),
  };
}
