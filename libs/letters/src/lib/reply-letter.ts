import {
  ADOPTION_SENTENCE_PLACEMENTS,
  ADOPTIONS,
  DISCLOSURES,
  DomainError,
  isIsoDate,
  parseIsoDate,
  toShanghaiDate,
  type Adoption,
  type AdoptionSentencePlacement,
  type Disclosure,
  type ErrorDetail,
  type IsoDate,
  type ProposalKind,
  type Proposer,
} from '@banli/domain';
import { toChineseNumeral } from './chinese-numeral';
import { DEFAULT_LETTER_WORDING, letterPhrases, type LetterWording } from './letter-wording';

/** One suggestion point's answer: a numbered section of the letter. */
export interface ReplyLetterSectionInput {
  /** What the point is about, without 关于…的建议: `加快5G基站建设`. */
  pointTitle: string;
  adoption: Adoption;
  /** Optional text after the adoption sentence; line breaks start new paragraphs. */
  answer?: string;
  /** The measures taken, one paragraph each, numbered （一）, （二）, … */
  measures: string[];
  /** Absent: `inline`. */
  adoptionSentence?: AdoptionSentencePlacement;
  /** A section without its numbered heading (a letter answering one point often has none). */
  omitHeading?: boolean;
}

export interface ReplyLetterInput {
  kind: ProposalKind;
  /** `A` for `(A类)`; the class set is configured elsewhere. */
  replyClass: string;
  /** The issuing (lead) unit's full name, e.g. `X市交通运输局`. */
  issuerName: string;
  /** How the letter says "we" (`我局`); derived from the issuer's name when absent. */
  issuerSelfReference?: string;
  /** Allocated at sign-off, e.g. `X交函〔2023〕12号`. */
  documentNumber: string;
  /** The session as written in letters, body included: `市政协八届二次会议`. */
  sessionName: string;
  proposalNumber: string;
  /** 案由, e.g. `关于加快数字经济发展的提案`. */
  proposalTitle: string;
  /** Exactly one lead; the others are co-signers. */
  proposers: Proposer[];
  /** The co-handling units whose opinions the reply combines, by full name. */
  coHandlingUnitNames?: string[];
  /** Optional summary; line breaks start new paragraphs. */
  summary?: string;
  sections: ReplyLetterSectionInput[];
  /** The field of work thanked for in the closing: `数字经济发展`. */
  topic: string;
  /** The sign-off day: a date (`2023-07-05`) or an instant with offset, read in Asia/Shanghai. */
  signedOn: string;
  contact: { name: string; phone: string };
  disclosure: Disclosure;
  /** The assigning government office, first on the default copy list. */
  governmentOfficeName?: string;
  /** The body that registered the proposal, second on the default copy list. */
  proposalCommitteeName?: string;
  /** Replaces the default copy list. */
  copyTo?: string[];
  /** The titles of the documents sent with the letter (附件), in order. */
  attachments?: string[];
  /** The issuer's wording (checked with checkLetterWording); absent: DEFAULT_LETTER_WORDING. */
  wording?: LetterWording;
}

export interface ReplyLetterSection {
  /** `一、关于加快5G基站建设的建议`; empty when the section has no heading. */
  heading: string;
  /** The adoption sentence (alone or opening the answer's first paragraph), then the answer's paragraphs. */
  paragraphs: string[];
  /** `（一）…`, `（二）…` */
  subPoints: string[];
}

/**
 * A reply letter (答复函) with every part already written out, in the order of DOMAIN.md "The
 * reply letter". Renderers only lay it out; they never compose text.
 */
export interface ReplyLetter {
  kind: ProposalKind;
  /** `(A类)` */
  classMarker: string;
  issuer: string;
  documentNumber: string;
  title: string;
  /** `李明（等）委员：` */
  salutation: string;
  opening: string;
  summary: string[];
  sections: ReplyLetterSection[];
  closing: string;
  /**
   * The attachment note (附件说明) after the body: `附件：1.…`, then `2.…` aligned under the
   * first title; one attachment is not numbered (`附件：…`). Empty when nothing is attached.
   */
  attachments: string[];
  signature: string;
  signedOn: IsoDate;
  /** `2023年7月5日` */
  date: string;
  /** `(联系人及电话：王伟 0571-87000000)` */
  contact: string;
  /** `公开方式：主动公开。` */
  disclosure: string;
  /** `抄送：市政府办公室、市政协提案委员会、各会办单位。` */
  copyTo: string;
}

/** What each part of the letter is, so every rendering lays the same part out the same way. */
export type LetterBlockRole =
  | 'class-marker'
  | 'issuer'
  | 'document-number'
  | 'title'
  | 'salutation'
  | 'paragraph'
  | 'section-heading'
  | 'sub-point'
  | 'attachment'
  | 'attachment-continued'
  | 'signature'
  | 'date'
  | 'contact'
  | 'disclosure'
  | 'copy-to';

export interface LetterBlock {
  role: LetterBlockRole;
  text: string;
}

const KIND_WORDS: Record<ProposalKind, { document: string; addressee: string }> = {
  proposal: { document: '提案', addressee: '委员' },
  suggestion: { document: '建议', addressee: '代表' },
};

const DISCLOSURE_LINES: Record<Disclosure, string> = {
  publish: '公开方式：主动公开。',
  'on-request': '公开方式：依申请公开。',
  never: '公开方式：不予公开。',
};

export const CO_HANDLING_UNITS_COPY = '各会办单位';

const DOCUMENT_NUMBER_PATTERN = /^\S+〔\d{4}〕\d+号$/;
const REPLY_CLASS_PATTERN = /^[A-Z]$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** Validation collects every problem, so a draft comes back with all its faults at once. */
class Problems {
  readonly details: ErrorDetail[] = [];

  add(field: string, message: string): void {
    this.details.push({ field, message });
  }

  /** A one-line text: trimmed, not empty, no line breaks or control characters. */
  line(field: string, value: unknown): string {
    if (typeof value !== 'string' || value.trim() === '') {
      this.add(field, 'is required');
      return '';
    }
    if (CONTROL_CHARACTERS.test(value)) this.add(field, 'must be one line, without control characters');
    return value.trim();
  }

  /** A text of one or more paragraphs, split at line breaks; empty lines are dropped. */
  paragraphs(field: string, value: unknown): string[] {
    if (value === undefined) return [];
    if (typeof value !== 'string') {
      this.add(field, 'must be a text');
      return [];
    }
    const paragraphs = value
      .split(/\r\n|\r|\n/)
      .map((p) => p.trim())
      .filter((p) => p !== '');
    if (paragraphs.some((p) => CONTROL_CHARACTERS.test(p))) this.add(field, 'must not contain control characters');
    return paragraphs;
  }

  list(field: string, value: unknown): unknown[] {
    if (value === undefined) return [];
    if (Array.isArray(value)) return value;
    this.add(field, 'must be a list');
    return [];
  }

  oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
    if (!allowed.includes(value as T)) this.add(field, `must be one of ${allowed.join(', ')}`);
    return value as T;
  }

  throwIfAny(): void {
    if (this.details.length === 0) return;
    const list = this.details.map((d) => `${d.field} ${d.message}`).join('; ');
    throw new DomainError('VALIDATION_FAILED', `The reply letter cannot be written: ${list}`, this.details);
  }
}

/** `我局`, `我委`, `我办`, …: how a unit refers to itself, from the end of its name. */
export function selfReferenceOf(unitName: string): string {
  if (unitName.endsWith('委员会')) return '我委';
  if (unitName.endsWith('办公室') || unitName.endsWith('办公厅')) return '我办';
  if (unitName.endsWith('中心')) return '我中心';
  const last = unitName.slice(-1);
  return '局厅委办院部署司处所站馆'.includes(last) && last !== '' ? `我${last}` : '我单位';
}

/**
 * The copy list when neither the letter nor the city sets one: the assigning office, the
 * committee that registered the proposal, and 各会办单位 when units were consulted.
 */
export function defaultCopyList(
  governmentOfficeName: string,
  proposalCommitteeName: string,
  coHandlingUnitNames: readonly string[],
): string[] {
  return [
    governmentOfficeName,
    proposalCommitteeName,
    ...(coHandlingUnitNames.length > 0 ? [CO_HANDLING_UNITS_COPY] : []),
  ];
}

/** `2023年7月5日` */
export function formatLetterDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${year}年${month}月${day}日`;
}

function signingDateOf(problems: Problems, value: unknown): IsoDate | undefined {
  if (typeof value === 'string') {
    if (isIsoDate(value)) return value;
    try {
      return toShanghaiDate(value);
    } catch {
      // reported below
    }
  }
  problems.add('signedOn', 'must be a date (YYYY-MM-DD) or an ISO instant with an offset');
  return undefined;
}

function withoutBookTitleMarks(title: string): string {
  return title.startsWith('《') && title.endsWith('》') ? title.slice(1, -1) : title;
}

/**
 * Writes out the reply letter from its facts. Pure: the same input gives the same letter.
 * Throws `VALIDATION_FAILED` listing every missing or malformed part.
 */
export function buildReplyLetter(input: ReplyLetterInput): ReplyLetter {
  const p = new Problems();
  const kind = p.oneOf('kind', input.kind, ['proposal', 'suggestion'] as const);
  const replyClass = p.line('replyClass', input.replyClass);
  if (replyClass && !REPLY_CLASS_PATTERN.test(replyClass)) p.add('replyClass', 'must be one capital letter, e.g. A');
  const issuer = p.line('issuerName', input.issuerName);
  const we =
    input.issuerSelfReference === undefined
      ? selfReferenceOf(issuer)
      : p.line('issuerSelfReference', input.issuerSelfReference);
  const documentNumber = p.line('documentNumber', input.documentNumber);
  if (documentNumber && !DOCUMENT_NUMBER_PATTERN.test(documentNumber)) {
    p.add('documentNumber', 'must read like X工信函〔2023〕12号 (year in 〔〕, then the number and 号)');
  }
  const sessionName = p.line('sessionName', input.sessionName);
  const proposalNumber = p.line('proposalNumber', input.proposalNumber);
  if (/\s/.test(proposalNumber)) p.add('proposalNumber', 'must not contain spaces');
  const proposalTitle = withoutBookTitleMarks(p.line('proposalTitle', input.proposalTitle));
  const topic = p.line('topic', input.topic).replace(/工作$/, '');

  const proposers = p.list('proposers', input.proposers) as Proposer[];
  const proposerNames = proposers.map((proposer, i) => p.line(`proposers[${i}].name`, proposer?.name));
  const leads = proposers.filter((proposer) => proposer?.lead === true);
  if (leads.length !== 1) p.add('proposers', 'must name exactly one lead proposer');

  const coHandlers = p
    .list('coHandlingUnitNames', input.coHandlingUnitNames)
    .map((name, i) => p.line(`coHandlingUnitNames[${i}]`, name));

  const sectionInputs = p.list('sections', input.sections) as ReplyLetterSectionInput[];
  if (sectionInputs.length === 0) p.add('sections', 'must answer at least one suggestion point');
  const sectionParts = sectionInputs.map((section, i) => {
    const field = `sections[${i}]`;
    const pointTitle = p.line(`${field}.pointTitle`, section?.pointTitle);
    if (pointTitle.startsWith('关于') || pointTitle.endsWith('的建议')) {
      p.add(`${field}.pointTitle`, 'is the bare subject: the letter adds 关于…的建议 itself');
    }
    const adoption = p.oneOf(`${field}.adoption`, section?.adoption, ADOPTIONS);
    const placement =
      section?.adoptionSentence === undefined
        ? 'inline'
        : p.oneOf(`${field}.adoptionSentence`, section.adoptionSentence, ADOPTION_SENTENCE_PLACEMENTS);
    const answer = p.paragraphs(`${field}.answer`, section?.answer);
    const measures = p.list(`${field}.measures`, section?.measures).map((m, j) => p.line(`${field}.measures[${j}]`, m));
    if (placement === 'omitted' && answer.length === 0 && measures.length === 0) {
      p.add(field, 'says nothing: give an answer, measures or the adoption sentence');
    }
    return { pointTitle, adoption, placement, answer, measures, omitHeading: section?.omitHeading === true };
  });

  const summary = p.paragraphs('summary', input.summary);
  const signedOn = signingDateOf(p, input.signedOn);
  const contactName = p.line('contact.name', input.contact?.name);
  const contactPhone = p.line('contact.phone', input.contact?.phone);
  const disclosure = p.oneOf('disclosure', input.disclosure, DISCLOSURES);

  const attachmentTitles = p
    .list('attachments', input.attachments)
    .map((title, i) => withoutBookTitleMarks(p.line(`attachments[${i}]`, title)));

  let copyTo: string[];
  if (input.copyTo !== undefined) {
    copyTo = p.list('copyTo', input.copyTo).map((name, i) => p.line(`copyTo[${i}]`, name));
    if (copyTo.length === 0) p.add('copyTo', 'must name at least one recipient when given');
  } else {
    copyTo = defaultCopyList(
      p.line('governmentOfficeName', input.governmentOfficeName),
      p.line('proposalCommitteeName', input.proposalCommitteeName),
      coHandlers,
    );
  }
  p.throwIfAny();

  const words = KIND_WORDS[kind];
  const lead = leads[0].name.trim();
  const phrases = letterPhrases(input.wording ?? DEFAULT_LETTER_WORDING, {
    proposerCount: proposers.length,
    proposers: `${lead}${proposers.length > 1 ? '等' : ''}${words.addressee}`,
    proposalTitle,
    proposalNumber,
    session: sessionName,
    document: words.document,
    we,
    issuer,
    consultedUnits: coHandlers,
    topic,
  });
  let headings = 0;
  const sections = sectionParts.map((part): ReplyLetterSection => {
    const sentence = part.placement === 'omitted' ? '' : phrases.adoption(part.adoption);
    const paragraphs =
      part.placement === 'inline'
        ? [`${sentence}${part.answer[0] ?? ''}`, ...part.answer.slice(1)]
        : [...(sentence ? [sentence] : []), ...part.answer];
    return {
      heading: part.omitHeading ? '' : `${toChineseNumeral(++headings)}、${phrases.sectionHeading(part.pointTitle)}`,
      paragraphs,
      subPoints: part.measures.map((text, j) => `（${toChineseNumeral(j + 1)}）${text}`),
    };
  });
  return {
    kind,
    classMarker: `(${replyClass}类)`,
    issuer,
    documentNumber,
    title: `${issuer}关于${sessionName}第${proposalNumber}号${words.document}答复的函`,
    salutation: `${lead}${proposerNames.length > 1 ? '（等）' : ''}${words.addressee}：`,
    opening: phrases.opening,
    summary,
    sections,
    closing: phrases.closing,
    attachments: attachmentNote(attachmentTitles),
    signature: issuer,
    signedOn: signedOn as IsoDate,
    date: formatLetterDate(signedOn as IsoDate),
    contact: `(联系人及电话：${contactName} ${contactPhone})`,
    disclosure: DISCLOSURE_LINES[disclosure],
    copyTo: `抄送：${copyTo.join('、')}。`,
  };
}

/** GB/T 9704-2012 7.3.4: `附件：` then the titles, numbered `1.`, `2.`, … when more than one. */
function attachmentNote(titles: string[]): string[] {
  if (titles.length === 1) return [`附件：${titles[0]}`];
  return titles.map((title, i) => `${i === 0 ? '附件：' : ''}${i + 1}.${title}`);
}

/** The letter's parts in reading order, each with its role: what every rendering lays out. */
export function letterBlocks(letter: ReplyLetter): LetterBlock[] {
  const paragraph = (text: string): LetterBlock => ({ role: 'paragraph', text });
  return [
    { role: 'class-marker', text: letter.classMarker },
    { role: 'issuer', text: letter.issuer },
    { role: 'document-number', text: letter.documentNumber },
    { role: 'title', text: letter.title },
    { role: 'salutation', text: letter.salutation },
    paragraph(letter.opening),
    ...letter.summary.map(paragraph),
    ...letter.sections.flatMap((section): LetterBlock[] => [
      ...(section.heading ? [{ role: 'section-heading', text: section.heading } as const] : []),
      ...section.paragraphs.map(paragraph),
      ...section.subPoints.map((text): LetterBlock => ({ role: 'sub-point', text })),
    ]),
    paragraph(letter.closing),
    ...letter.attachments.map((text, i): LetterBlock => ({
      role: i === 0 ? 'attachment' : 'attachment-continued',
      text,
    })),
    { role: 'signature', text: letter.signature },
    { role: 'date', text: letter.date },
    { role: 'contact', text: letter.contact },
    { role: 'disclosure', text: letter.disclosure },
    { role: 'copy-to', text: letter.copyTo },
  ];
}

/** The letter's text, one entry per line or paragraph, in order: what a reader of any rendering sees. */
export function letterLines(letter: ReplyLetter): string[] {
  return letterBlocks(letter).map((block) => block.text);
}
