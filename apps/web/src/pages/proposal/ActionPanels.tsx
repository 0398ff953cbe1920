import { Collapse, Space, Typography } from 'antd';
import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { tasksOf } from './derive';
import {
  ContactPanel,
  DecideExtensionPanel,
  DecideObjectionPanel,
  DispatchPanel,
  DraftLinkPanel,
  ExtensionPanel,
  FeedbackPanel,
  FollowUpPanel,
  KeyPanel,
  ObjectionPanel,
  OpinionPanel,
  PanelContext,
  PublicationPanel,
  ReminderPanel,
  ReturnOpinionPanel,
  WaivePanel,
} from './panels';
import { ReviewPanel } from './ReviewPanel';

const REPLY_TASKS = ['contact', 'draft', 'review-draft', 'sign-off', 'dispatch'];

/**
 * The actions the signed-in user may take here, from the open tasks of their unit and their
 * roles: what is theirs to do now is shown open; what they may do besides (object, ask for
 * more time, return an opinion, 催办, …) is folded below. Anyone else sees no panel at all;
 * the server checks every action again.
 */
export function ActionPanels({ ctx }: { ctx: PanelContext }) {
  const { t } = useTranslation('proposal');
  const { detail, user, opinions } = ctx;
  const has = (...roles: string[]) => roles.some((r) => (user.roles as string[]).includes(r));
  const mine = (kind: string) => tasksOf(detail, user.unitId, kind);
  const primary: ReactNode[] = [];
  const secondary: { key: string; label: string; panel: ReactNode }[] = [];
  const closed = detail.stage === 'closed' || !!detail.closedAt;

  // Co-handling unit.
  if (has('co-handler') && mine('opinion').length) primary.push(<OpinionPanel key="opinion" ctx={ctx} />);

  // A replying unit (lead, split or single).
  if (has('handler')) {
    const replyTasks = detail.tasks.filter((x) => x.unitId === user.unitId && REPLY_TASKS.includes(x.kind));
    if (mine('contact').length) primary.push(<ContactPanel key="contact" ctx={ctx} />);
    else if (replyTasks.length)
      secondary.push({ key: 'contact', label: t('actions.contact.title'), panel: <ContactPanel ctx={ctx} /> });
    if (mine('draft').length) primary.push(<DraftLinkPanel key="draft" ctx={ctx} />);
    if (mine('dispatch').length) primary.push(<DispatchPanel key="dispatch" ctx={ctx} />);
    if (mine('follow-up').length) primary.push(<FollowUpPanel key="follow-up" ctx={ctx} />);
    if (mine('publish').length) primary.push(<PublicationPanel key="publish" ctx={ctx} />);
    const consultationOpen = ['draft', 'review-draft', 'sign-off'].some((k) => mine(k).length);
    const returnable = opinions.filter((o) => o.status === 'submitted').map((o) => o.unitId);
    if (detail.leadUnitId === user.unitId && consultationOpen && returnable.length) {
      secondary.push({
        key: 'return',
        label: t('actions.returnOpinion.title'),
        panel: <ReturnOpinionPanel ctx={ctx} units={returnable} />,
      });
    }
  }
  if (has('reviewer') && mine('review-draft').length)
    primary.push(<ReviewPanel key="review" ctx={ctx} step="review" />);
  if (has('signer') && mine('sign-off').length) primary.push(<ReviewPanel key="sign-off" ctx={ctx} step="sign-off" />);

  // Any assigned unit: object within the window; ask for more time on its own deadlines.
  if (has('handler', 'co-handler') && !closed) {
    const window = detail.deadlines.find((d) => d.key === `objection:${user.unitId}`);
    const pending = ctx.events.some(
      (e) =>
        e.type === 'objection-raised' &&
        e.unitId === user.unitId &&
        !ctx.events.some((x) => x.type === 'objection-decided' && x.data['objectionId'] === e.data['objectionId']),
    );
    if (window?.status === 'running' && window.dueAt && new Date(window.dueAt) > new Date() && !pending) {
      secondary.push({
        key: 'objection',
        label: t('actions.objection.title'),
        panel: <ObjectionPanel ctx={ctx} dueAt={window.dueAt} />,
      });
    }
    const extendable = detail.deadlines.some(
      (d) => d.unitId === user.unitId && d.status === 'running' && d.kind !== 'objection' && d.kind !== 'feedback',
    );
    if (extendable)
      secondary.push({ key: 'extension', label: t('actions.extension.title'), panel: <ExtensionPanel ctx={ctx} /> });
  }

  // The assigning office.
  if (has('assigning-officer')) {
    for (const task of mine('decide-objection'))
      primary.push(<DecideObjectionPanel key={task.id} ctx={ctx} task={task} />);
    for (const task of mine('decide-extension'))
      primary.push(<DecideExtensionPanel key={task.id} ctx={ctx} task={task} />);
    for (const task of mine('record-feedback')) primary.push(<FeedbackPanel key={task.id} ctx={ctx} task={task} />);
  }

  // Supervision.
  if (has('supervisor')) {
    const waivable = opinions.filter((o) => o.status === 'pending' || o.status === 'returned').map((o) => o.unitId);
    const consultationOpen = detail.tasks.some((x) => x.kind === 'opinion');
    if (waivable.length && consultationOpen) {
      secondary.push({
        key: 'waive',
        label: t('actions.waive.title'),
        panel: <WaivePanel ctx={ctx} units={waivable} />,
      });
    }
  }
  if (has('supervisor', 'assigning-officer') && !closed) {
    const reminded = [...new Set(detail.tasks.map((x) => x.unitId))].filter((u) => u !== user.unitId);
    if (reminded.length) {
      secondary.push({
        key: 'reminder',
        label: t('actions.reminder.title'),
        panel: <ReminderPanel ctx={ctx} units={reminded} />,
      });
    }
    if (detail.stage !== 'registered' && detail.stage !== 'merged' && detail.stage !== 'converted') {
      secondary.push({
        key: 'key',
        label: detail.keyProposal ? t('actions.key.titleUpdate') : t('actions.key.title'),
        panel: <KeyPanel ctx={ctx} />,
      });
    }
  }

  if (primary.length === 0 && secondary.length === 0) return null;
  return (
    <section aria-labelledby="my-actions" data-testid="action-panels">
      <Typography.Title level={4} id="my-actions" style={{ marginTop: 0 }}>
        {t('actions.title')}
      </Typography.Title>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {primary}
        {secondary.length > 0 && (
          <Collapse
            size="small"
            data-testid="more-actions"
            items={secondary.map((s) => ({ key: s.key, label: s.label, children: s.panel }))}
          />
        )}
      </Space>
    </section>
  );
}
