import { diffChars } from 'diff';
import type { DraftContent } from './types';

/** One part of a compared text: kept, inserted (`added`) or deleted (`removed`). */
export interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

/** A part of a draft (class, summary, the reply to one point…) as the two versions read. */
export interface SectionDiff {
  key: string;
  /** The i18n key of its name (namespace proposal) and its values. */
  label: string;
  labelValues?: Record<string, unknown>;
  parts: DiffPart[];
  changed: boolean;
}

/** How the words of a draft's coded values read (the adoption status, disclosure, sentence placement). */
export type Words = (key: string, values?: Record<string, unknown>) => string;

interface Text {
  key: string;
  label: string;
  labelValues?: Record<string, unknown>;
  text: string;
}

/** The parts of a draft as text, one per heading of the letter's form, in the form's order. */
export function draftTexts(content: Partial<DraftContent>, pointSeqs: number[], w: Words): Text[] {
  const sections = content.sections ?? [];
  const seqs = [...new Set([...pointSeqs, ...sections.map((s) => s.seq)])].sort((a, b) => a - b);
  return [
    {
      key: 'replyClass',
      label: 'draft.replyClass',
      text: content.replyClass ? w('draft.classN', { cls: content.replyClass }) : '',
    },
    {
      key: 'disclosure',
      label: 'draft.disclosure',
      text: content.disclosure ? w(`disclosure.${content.disclosure}`) : '',
    },
    { key: 'summary', label: 'draft.summary', text: content.summary ?? '' },
    ...seqs.map((seq) => {
      const s = sections.find((x) => x.seq === seq);
      const lines = s
        ? [
            s.adoption ? w(`adoption.${s.adoption}`) : '',
            s.adoptionSentence ? w(`draft.adoptionSentence.${s.adoptionSentence}`) : '',
            s.omitHeading ? w('draft.omitHeading') : (s.title ?? ''),
            s.text ?? '',
            ...(s.measures ?? []).map((m, i) => `（${i + 1}）${m}`),
          ].filter((l) => l !== '')
        : [];
      return { key: `section-${seq}`, label: 'draft.section', labelValues: { seq }, text: lines.join('\n') };
    }),
    { key: 'topic', label: 'draft.topicShort', text: content.topic ?? '' },
    {
      key: 'contact',
      label: 'draft.contactName',
      text: [content.contact?.name, content.contact?.phone].filter(Boolean).join(' '),
    },
    { key: 'copyTo', label: 'draft.copyTo', text: (content.copyTo ?? []).join('、') },
    { key: 'attachments', label: 'draft.attachments', text: (content.attachments ?? []).join('\n') },
  ];
}

/**
 * The differences between two versions of a draft, part by part (characters: Chinese has no
 * spaces to split words at), by jsdiff's `diffChars`: what `to` inserted and deleted from `from`.
 */
export function draftDiff(
  from: Partial<DraftContent>,
  to: Partial<DraftContent>,
  pointSeqs: number[],
  w: Words,
): SectionDiff[] {
  const a = draftTexts(from, pointSeqs, w);
  const b = new Map(draftTexts(to, pointSeqs, w).map((x) => [x.key, x]));
  return a.map((x) => {
    const y = b.get(x.key)?.text ?? '';
    const parts = diffChars(x.text, y).map((p) => ({ value: p.value, added: !!p.added, removed: !!p.removed }));
    return {
      key: x.key,
      label: x.label,
      ...(x.labelValues ? { labelValues: x.labelValues } : {}),
      parts,
      changed: parts.some((p) => p.added || p.removed),
    };
  });
}
