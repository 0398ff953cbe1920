import type { TFunction } from 'i18next';

/**
 * A failed import row's problems in the user's language: the field named as on the form, and
 * the rule it breaks when the server's wording is one we know (else the server's own words).
 */
export interface RowErrorDetail {
  field?: string;
  message: string;
}

export function fieldLabel(t: TFunction, field: string | undefined): string {
  if (!field) return '';
  let m = /^proposers\[(\d+)\]\.(name|lead)$/.exec(field) ?? /^proposers\.(\d+)\.(name|lead)$/.exec(field);
  if (m) return t(m[2] === 'name' ? 'fields.proposerName' : 'fields.proposerLead', { n: Number(m[1]) + 1 });
  m = /^suggestionPoints\[(\d+)\]\.(seq|text)$/.exec(field) ?? /^suggestionPoints\.(\d+)\.(seq|text)$/.exec(field);
  if (m) return t(m[2] === 'seq' ? 'fields.pointSeq' : 'fields.pointText', { n: Number(m[1]) + 1 });
  const key = `fields.${field}`;
  const label = t(key);
  return label === key ? field : label;
}

const KNOWN: [RegExp, (t: TFunction, m: RegExpExecArray) => string][] = [
  [/^must be proposal or suggestion$/, (t) => t('messages.kind')],
  [/^must be 1-32 letters, digits or dashes$/, (t) => t('messages.code')],
  [/^is required$/, (t) => t('messages.required')],
  [/^is required \(at most (\d+) characters\)$/, (t, m) => t('messages.requiredMax', { max: m[1] })],
  [/^needs 1-100 proposers$/, (t) => t('messages.proposers')],
  [/^needs exactly one lead proposer$/, (t) => t('messages.oneLead')],
  [/^needs 1-50 suggestion points$/, (t) => t('messages.points')],
  [/^must be (\d+)$/, (t, m) => t('messages.seq', { n: m[1] })],
  [/ must be a boolean value$/, (t) => t('messages.boolean')],
  [/ must be shorter than or equal to (\d+) characters$/, (t, m) => t('messages.maxLength', { max: m[1] })],
  [/^property \S+ should not exist$/, (t) => t('messages.unknownField')],
  [/^Each proposal must be an object$/, (t) => t('messages.notObject')],
];

export function detailText(t: TFunction, detail: RowErrorDetail): string {
  for (const [pattern, say] of KNOWN) {
    const m = pattern.exec(detail.message);
    if (m) return say(t, m);
  }
  return detail.message;
}
