import { Empty, Space, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { colon, formatDate, formatDateTime, formatIsoDate, Lang } from '../../format';
import { useUnitName } from '../../api/units';
import type { ProposalEvent } from './types';

const COLOURS: Record<string, string> = {
  'opinion-returned': 'red',
  'draft-sent-back': 'red',
  'deadline-escalation': 'red',
  'reminder-notice': 'orange',
  'deadline-reminder': 'orange',
  'reply-signed': 'green',
  closed: 'green',
};

type Str = (v: unknown) => string;
const str: Str = (v) => (v === undefined || v === null ? '' : String(v));

/** One line saying what an event did, from its data (texts shown as text, never as markup). */
export function describeEvent(
  e: ProposalEvent,
  t: TFunction,
  c: TFunction,
  unitName: (id: string) => string,
  lang: Lang,
): string[] {
  const d = e.data;
  const sep = lang === 'en' ? ', ' : '、';
  const units = (ids: unknown) => ((ids as string[] | undefined) ?? []).map(unitName).join(sep);
  const deadlineLabel = (key: unknown) => {
    const [kind, unit] = str(key).split(':');
    return `${unitName(unit ?? '')}${lang === 'en' ? ' ' : ''}${c(`deadlineKind.${kind}`)}`;
  };
  const lines: string[] = [];
  const add = (line: string | false | undefined) => line && lines.push(line);
  switch (e.type) {
    case 'reviewed':
      add(t(`eventData.decision.${str(d['decision'])}`));
      add(!!d['mergedInto'] && t('eventData.mergedInto', { id: str(d['mergedInto']) }));
      add(!!d['reason'] && t('eventData.reason', { text: str(d['reason']) }));
      break;
    case 'assigned':
      add(t(`eventData.mode.${str(d['mode'])}`));
      if (d['mode'] === 'lead') {
        add(t('eventData.lead', { unit: units(d['replyingUnitIds']) }));
        add(t('eventData.coHandlers', { units: units(d['coHandlerUnitIds']) }));
      } else add(t('eventData.units', { units: units(d['replyingUnitIds']) }));
      break;
    case 'objection-raised':
    case 'opinion-returned':
    case 'opinion-waived':
      add(t('eventData.reason', { text: str(d['reason']) }));
      break;
    case 'objection-decided':
      add(t(`eventData.objectionDecision.${str(d['decision'])}`, { unit: unitName(str(d['replacementUnitId'])) }));
      add(t('eventData.reason', { text: str(d['reason']) }));
      break;
    case 'opinion-submitted':
      add(t('eventData.version', { version: str(d['version']) }));
      break;
    case 'contact-recorded':
      add(
        `${t(`method.${str(d['method'])}`)} · ${d['contactedAt'] ? formatDateTime(str(d['contactedAt']), lang) : ''}`,
      );
      add(str(d['summary']));
      break;
    case 'draft-saved':
    case 'draft-submitted':
      add(
        [
          t('eventData.round', { round: str(d['round']) }),
          t('eventData.draftVersion', { version: str(d['draftVersion']) }),
          d['replyClass'] ? t('eventData.replyClass', { cls: str(d['replyClass']) }) : '',
          d['disclosure'] ? t(`disclosure.${str(d['disclosure'])}`) : '',
        ]
          .filter(Boolean)
          .join(' · '),
      );
      break;
    case 'draft-sent-back':
      add(
        `${t('eventData.sentBackAt', { step: t(`eventData.step.${str(d['step'])}`) })} · ${t('eventData.draftVersion', { version: str(d['draftVersion']) })}`,
      );
      add(!!d['comment'] && t('eventData.comment', { text: str(d['comment']) }));
      break;
    case 'draft-reviewed':
      add(t('eventData.draftVersion', { version: str(d['draftVersion']) }));
      add(!!d['comment'] && t('eventData.comment', { text: str(d['comment']) }));
      break;
    case 'reply-signed':
    case 'reply-dispatched':
      add(!!d['documentNumber'] && `${t('documentNumber')}${colon(lang)}${str(d['documentNumber'])}`);
      add(
        !!d['replyClass'] &&
          `${t('eventData.replyClass', { cls: str(d['replyClass']) })} · ${t(`disclosure.${str(d['disclosure'])}`)}`,
      );
      break;
    case 'feedback-recorded':
      add(t('eventData.feedback', { proposer: str(d['proposer']), rating: t(`rating.${str(d['rating'])}`) }));
      add(!!d['comment'] && t('eventData.comment', { text: str(d['comment']) }));
      break;
    case 'feedback-closed': {
      const fb = (d['feedback'] as Record<string, string> | undefined) ?? {};
      add(
        Object.entries(fb)
          .map(([p, r]) => t('eventData.feedback', { proposer: p, rating: t(`rating.${r}`) }))
          .join(sep),
      );
      add(d['rehandling'] ? t('eventData.rehandling') : t('eventData.noRehandling'));
      break;
    }
    case 'rehandling-opened':
      add(t('eventData.round', { round: str(d['round']) }));
      break;
    case 'follow-up-reported':
      add(str(d['summary']));
      break;
    case 'reply-published':
      add(!!d['location'] && t('eventData.location', { text: str(d['location']) }));
      break;
    case 'extension-requested':
      add(
        t('eventData.extension', {
          deadline: deadlineLabel(d['deadlineKey']),
          date: formatIsoDate(str(d['requestedEndDate']), lang),
        }),
      );
      add(t('eventData.reason', { text: str(d['reason']) }));
      break;
    case 'extension-decided':
      add(
        `${t(`eventData.extensionDecision.${str(d['decision'])}`)}${colon(lang)}${t('eventData.extension', {
          deadline: deadlineLabel(d['deadlineKey']),
          date: formatIsoDate(str(d['requestedEndDate']), lang),
        })}`,
      );
      add(t('eventData.reason', { text: str(d['reason']) }));
      break;
    case 'key-proposal-marked':
      add(t('eventData.leaders', { names: ((d['leaders'] as string[] | undefined) ?? []).join(sep) }));
      break;
    case 'reminder-notice':
      add(!!d['message'] && t('eventData.message', { text: str(d['message']) }));
      break;
    case 'deadline-reminder':
    case 'deadline-escalation':
      add(
        t('eventData.deadline', {
          deadline: deadlineLabel(d['deadlineKey']),
          date: d['dueAt'] ? formatDate(str(d['dueAt']), lang) : '',
        }),
      );
      break;
  }
  return lines;
}

/** The audit trail, oldest first: every event with who, which unit and when (Shanghai time). */
export function AuditTimeline({ events }: { events: ProposalEvent[] }) {
  const { t, i18n } = useTranslation('proposal');
  const { t: c } = useTranslation();
  const unitName = useUnitName();
  const lang = i18n.language as Lang;
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.none')} />;
  return (
    <Timeline
      data-testid="timeline"
      items={events.map((e) => ({
        key: e.seq,
        color: COLOURS[e.type] ?? 'blue',
        content: (
          <Space orientation="vertical" size={0} data-testid={`event-${e.type}`}>
            <Space wrap size={8}>
              <Typography.Text strong>{t(`event.${e.type}`, { defaultValue: e.type })}</Typography.Text>
              <Typography.Text type="secondary">{formatDateTime(e.at, lang)}</Typography.Text>
              <Typography.Text type="secondary">
                {e.actor ? `${e.actor.displayName} · ${unitName(e.actor.unitId)}` : t('timeline.system')}
                {e.unitId && e.unitId !== e.actor?.unitId ? ` → ${unitName(e.unitId)}` : ''}
              </Typography.Text>
            </Space>
            {describeEvent(e, t, c, unitName, lang).map((line, i) => (
              <Typography.Text key={i} style={{ whiteSpace: 'pre-wrap' }}>
                {line}
              </Typography.Text>
            ))}
          </Space>
        ),
      }))}
    />
  );
}
