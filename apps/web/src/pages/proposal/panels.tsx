import { Alert, Button, Card, DatePicker, Form, Input, Radio, Select, Space, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../components/useConfirm';
import { useNavigate } from 'react-router-dom';
import type { User } from '../../api/types';
import { useKeyLeaders } from '../../api/people';
import { useUnitName, useUnits } from '../../api/units';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime, formatIsoDate, Lang } from '../../format';
import { client, ok } from '../../api/client';
import { splitNames } from './derive';
import { onProposal, useAction } from './hooks';
import type { ActionResult, Adoption, ContactMethod, ProposalDetail, ProposalEvent, Rating } from './types';

/**
 * What every action panel knows: the proposal (with what the API allows the user and its folds
 * of the audit trail), the trail itself, the user, and how to report success.
 */
export interface PanelContext {
  detail: ProposalDetail;
  events: ProposalEvent[];
  user: User;
  /** After an accepted action: tell the user and read the proposal again. */
  done(message: string, result?: ActionResult): Promise<void>;
}

const { TextArea } = Input;
const ADOPTIONS = ['adopted', 'partly-adopted', 'for-reference'] as const;
const RATINGS = ['satisfied', 'basically-satisfied', 'unsatisfied'] as const;
const METHODS = ['call', 'visit', 'meeting', 'other'] as const;

export function Panel({ title, testId, children }: { title: ReactNode; testId: string; children: ReactNode }) {
  return (
    <Card size="small" title={title} data-testid={testId} styles={{ header: { background: '#fff7e6' } }}>
      {children}
    </Card>
  );
}

function useWords() {
  const { t, i18n } = useTranslation('proposal');
  const { t: c } = useTranslation();
  return { t, c, lang: i18n.language as Lang };
}

/** The proposal's texts may hold anything: a label quoting one is plain React text. */
function short(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

// ------------------------------------------------------------------ co-handling unit

interface OpinionValues {
  points: { adoption?: Adoption; text?: string }[];
  summary?: string;
}

/** 会办意见: per suggestion point an adoption status and the text; a summary. */
export function OpinionPanel({ ctx }: { ctx: PanelContext }) {
  const { t } = useWords();
  const { detail, user } = ctx;
  const mine = detail.opinions.find((o) => o.unitId === user.unitId);
  const action = useAction(detail.id);
  const [form] = Form.useForm<OpinionValues>();
  const initialValues: OpinionValues = {
    points: detail.suggestionPoints.map((p) => {
      const prev = mine?.points.find((x) => x.seq === p.seq);
      return prev ? { adoption: prev.adoption, text: prev.text } : {};
    }),
    summary: mine?.summary,
  };
  const lastReturn = mine?.status === 'returned' ? mine.returns.at(-1) : undefined;

  const onFinish = async (v: OpinionValues) => {
    const points = detail.suggestionPoints.flatMap((p, i) => {
      const adoption = v.points[i]?.adoption;
      const text = v.points[i]?.text?.trim() ?? '';
      return adoption && text ? [{ seq: p.seq, adoption, text }] : [];
    });
    if (points.length === 0) {
      form.setFields([{ name: ['points', 0, 'text'], errors: [t('actions.required')] }]);
      return;
    }
    const summary = v.summary?.trim();
    const result = await action.run({ points, ...(summary ? { summary } : {}) }, (body, headers) =>
      client.POST('/api/proposals/{id}/opinions', { params: onProposal(detail.id), body, headers }),
    );
    if (result) await ctx.done(t('actions.done'), result);
  };

  return (
    <Panel title={t('actions.opinion.title')} testId="panel-opinion">
      {lastReturn && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('actions.opinion.returnedNotice', { version: lastReturn.version, reason: lastReturn.reason })}
        />
      )}
      <ErrorAlert error={action.error} />
      <Form form={form} name="opinion" layout="vertical" initialValues={initialValues} onFinish={onFinish}>
        {detail.suggestionPoints.map((p, i) => (
          <fieldset
            key={p.seq}
            style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px', marginBottom: 12 }}
          >
            <legend style={{ fontSize: 14, width: 'auto', padding: '0 4px', margin: 0, border: 0 }}>
              {t('actions.opinion.point', { seq: p.seq, text: short(p.text, 80) })}
            </legend>
            <Form.Item
              name={['points', i, 'adoption']}
              label={t('actions.opinion.adoption', { seq: p.seq })}
              dependencies={[['points', i, 'text']]}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value) =>
                    !value && getFieldValue(['points', i, 'text'])?.trim()
                      ? Promise.reject(new Error(t('actions.chooseRequired')))
                      : Promise.resolve(),
                }),
              ]}
            >
              <Radio.Group
                aria-label={t('actions.opinion.adoption', { seq: p.seq })}
                options={ADOPTIONS.map((a) => ({ value: a, label: t(`adoption.${a}`) }))}
              />
            </Form.Item>
            <Form.Item
              name={['points', i, 'text']}
              label={t('actions.opinion.text', { seq: p.seq })}
              dependencies={[['points', i, 'adoption']]}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value) =>
                    !value?.trim() && getFieldValue(['points', i, 'adoption'])
                      ? Promise.reject(new Error(t('actions.required')))
                      : Promise.resolve(),
                }),
              ]}
            >
              <TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20000} />
            </Form.Item>
          </fieldset>
        ))}
        <Form.Item name="summary" label={t('actions.opinion.summary')}>
          <TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={action.busy}>
          {t('actions.opinion.submit')}
        </Button>
      </Form>
    </Panel>
  );
}

/** A reason and a submit button: the shape of many actions. */
function ReasonForm({
  name,
  label,
  submit,
  busy,
  onSubmit,
  extra,
  danger,
}: {
  name: string;
  label: string;
  submit: string;
  busy: boolean;
  onSubmit(reason: string, values: Record<string, unknown>): Promise<boolean>;
  extra?: ReactNode;
  danger?: boolean;
}) {
  const { t } = useWords();
  const [form] = Form.useForm();
  return (
    <Form
      form={form}
      name={name}
      layout="vertical"
      onFinish={async (v: Record<string, unknown>) => {
        if (await onSubmit(String(v['reason'] ?? '').trim(), v)) form.resetFields();
      }}
    >
      {extra}
      <Form.Item
        name="reason"
        label={label}
        rules={[{ required: true, whitespace: true, message: t('actions.reasonRequired') }]}
      >
        <TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Button type="primary" danger={danger} htmlType="submit" loading={busy}>
        {submit}
      </Button>
    </Form>
  );
}

/** 申请调整: within the objection window, a unit asks the assigning office to change the assignment. */
export function ObjectionPanel({ ctx }: { ctx: PanelContext }) {
  const { t, lang } = useWords();
  const action = useAction(ctx.detail.id);
  // Only for the hint: whether the unit may object is the API's answer (allowedActions).
  const dueAt = ctx.detail.deadlines.find((d) => d.kind === 'objection' && d.unitId === ctx.user.unitId)?.dueAt;
  return (
    <Panel title={t('actions.objection.title')} testId="panel-objection">
      {dueAt && (
        <Typography.Paragraph type="secondary">
          {t('actions.objection.hint', { date: formatDate(dueAt, lang) })}
        </Typography.Paragraph>
      )}
      <ErrorAlert error={action.error} />
      <ReasonForm
        name="objection"
        label={t('actions.objection.reason')}
        submit={t('actions.objection.submit')}
        busy={action.busy}
        onSubmit={async (reason) => {
          const r = await action.run({ reason }, (body, headers) =>
            client.POST('/api/proposals/{id}/objections', { params: onProposal(ctx.detail.id), body, headers }),
          );
          if (r) await ctx.done(t('actions.done'), r);
          return !!r;
        }}
      />
    </Panel>
  );
}

/** 申请延期: the unit holding a running deadline asks for a later last day (of those the API offers). */
export function ExtensionPanel({ ctx, deadlineKeys }: { ctx: PanelContext; deadlineKeys: string[] }) {
  const { t, c, lang } = useWords();
  const action = useAction(ctx.detail.id);
  const [form] = Form.useForm<{ deadlineKey: string; date: Dayjs; reason: string }>();
  const deadlines = ctx.detail.deadlines.filter((d) => deadlineKeys.includes(d.key));
  const chosen = Form.useWatch('deadlineKey', form);
  const current = deadlines.find((d) => d.key === chosen);
  if (deadlines.length === 0) return null;
  return (
    <Panel title={t('actions.extension.title')} testId="panel-extension">
      <ErrorAlert error={action.error} />
      <Form
        form={form}
        name="extension"
        layout="vertical"
        onFinish={async (v) => {
          const r = await action.run(
            { deadlineKey: v.deadlineKey, requestedEndDate: v.date.format('YYYY-MM-DD'), reason: v.reason.trim() },
            (body, headers) =>
              client.POST('/api/proposals/{id}/extensions', { params: onProposal(ctx.detail.id), body, headers }),
          );
          if (r) {
            form.resetFields();
            await ctx.done(t('actions.done'), r);
          }
        }}
      >
        <Form.Item
          name="deadlineKey"
          label={t('actions.extension.deadline')}
          rules={[{ required: true, message: t('actions.chooseRequired') }]}
        >
          <Select
            options={deadlines.map((d) => ({
              value: d.key,
              label: `${c(`deadlineKind.${d.kind}`)}${t('actions.extension.current', { date: d.dueAt ? formatDate(d.dueAt, lang) : '' })}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="date"
          label={t('actions.extension.date')}
          rules={[{ required: true, message: t('actions.chooseRequired') }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => !!current?.endDate && d.format('YYYY-MM-DD') <= current.endDate}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('actions.extension.reason')}
          rules={[{ required: true, whitespace: true, message: t('actions.reasonRequired') }]}
        >
          <TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={action.busy}>
          {t('actions.extension.submit')}
        </Button>
      </Form>
    </Panel>
  );
}

// ------------------------------------------------------------------ lead unit (handler)

/** 退回会办意见: the lead unit sends a submitted opinion back for revision. */
export function ReturnOpinionPanel({ ctx, units }: { ctx: PanelContext; units: string[] }) {
  const { t } = useWords();
  const unitName = useUnitName();
  const action = useAction(ctx.detail.id);
  const confirm = useConfirm();
  const { t: k } = useTranslation('confirm');
  return (
    <Panel title={t('actions.returnOpinion.title')} testId="panel-return-opinion">
      <ErrorAlert error={action.error} />
      <ReasonForm
        name="return-opinion"
        label={t('actions.returnOpinion.reason')}
        submit={t('actions.returnOpinion.submit')}
        busy={action.busy}
        danger
        extra={
          <Form.Item
            name="unitId"
            label={t('actions.returnOpinion.unit')}
            initialValue={units.length === 1 ? units[0] : undefined}
            rules={[{ required: true, message: t('actions.chooseRequired') }]}
          >
            <Select options={units.map((u) => ({ value: u, label: unitName(u) }))} />
          </Form.Item>
        }
        onSubmit={async (reason, v) => {
          const unitId = String(v['unitId']);
          const go = await confirm({
            title: k('returnOpinion.title'),
            content: k('returnOpinion.content', { unit: unitName(unitId) }),
            okText: k('returnOpinion.ok'),
            danger: true,
          });
          if (!go) return false;
          const r = await action.run(
            { reason },
            (body, headers) =>
              client.POST('/api/proposals/{id}/opinions/{unitId}/return', {
                params: { path: { id: ctx.detail.id, unitId } },
                body,
                headers,
              }),
            unitId,
          );
          if (r) await ctx.done(t('actions.done'), r);
          return !!r;
        }}
      />
    </Panel>
  );
}

/** 沟通协商: a call, visit or meeting with the proposer. */
export function ContactPanel({ ctx }: { ctx: PanelContext }) {
  const { t } = useWords();
  const action = useAction(ctx.detail.id);
  const [form] = Form.useForm<{ method: ContactMethod; at: Dayjs; summary: string }>();
  return (
    <Panel title={t('actions.contact.title')} testId="panel-contact">
      <ErrorAlert error={action.error} />
      <Form
        form={form}
        name="contact"
        layout="vertical"
        initialValues={{ method: 'call', at: dayjs().startOf('minute') }}
        onFinish={async (v) => {
          const r = await action.run(
            { method: v.method, contactedAt: v.at.toISOString(), summary: v.summary.trim() },
            (body, headers) =>
              client.POST('/api/proposals/{id}/contacts', { params: onProposal(ctx.detail.id), body, headers }),
          );
          if (r) {
            form.resetFields();
            await ctx.done(t('actions.done'), r);
          }
        }}
      >
        <Form.Item name="method" label={t('actions.contact.method')} rules={[{ required: true }]}>
          <Radio.Group
            aria-label={t('actions.contact.method')}
            options={METHODS.map((m) => ({ value: m, label: t(`method.${m}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="at"
          label={t('actions.contact.at')}
          rules={[{ required: true, message: t('actions.chooseRequired') }]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t('actions.contact.summary')}
          rules={[{ required: true, whitespace: true, message: t('actions.required') }]}
        >
          <TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={action.busy}>
          {t('actions.contact.submit')}
        </Button>
      </Form>
    </Panel>
  );
}

/** 拟稿: the way to the drafting workspace, with the last send-back comment. */
export function DraftLinkPanel({ ctx }: { ctx: PanelContext }) {
  const { t } = useWords();
  const navigate = useNavigate();
  const last = [...ctx.events]
    .reverse()
    .find((e) => e.unitId === ctx.user.unitId && (e.type === 'draft-sent-back' || e.type === 'draft-submitted'));
  return (
    <Panel title={t('actions.draft.title')} testId="panel-draft">
      {last?.type === 'draft-sent-back' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="sent-back-notice"
          title={t('actions.draft.sentBack', {
            step: t(`eventData.step.${String(last.data['step'])}`),
            comment: String(last.data['comment'] ?? ''),
          })}
        />
      )}
      <Typography.Paragraph type="secondary">{t('actions.draft.hint')}</Typography.Paragraph>
      <Button type="primary" onClick={() => navigate(`/proposals/${encodeURIComponent(ctx.detail.id)}/workspace`)}>
        {t('actions.draft.open')}
      </Button>
    </Panel>
  );
}

/** 发出答复. */
export function DispatchPanel({ ctx }: { ctx: PanelContext }) {
  const { t } = useWords();
  const action = useAction(ctx.detail.id);
  const confirm = useConfirm();
  const { t: k } = useTranslation('confirm');
  return (
    <Panel title={t('actions.dispatch.title')} testId="panel-dispatch">
      <Typography.Paragraph type="secondary">{t('actions.dispatch.hint')}</Typography.Paragraph>
      <ErrorAlert error={action.error} />
      <Button
        type="primary"
        loading={action.busy}
        onClick={async () => {
          const go = await confirm({
            title: k('dispatch.title'),
            content: k('dispatch.content', { proposers: ctx.detail.proposers.map((p) => p.name).join('、') }),
            okText: k('dispatch.ok'),
          });
          if (!go) return;
          const r = await action.run({}, (body, headers) =>
            client.POST('/api/proposals/{id}/dispatch', { params: onProposal(ctx.detail.id), body, headers }),
          );
          if (r) await ctx.done(t('actions.done'), r);
        }}
      >
        {t('actions.dispatch.submit')}
      </Button>
    </Panel>
  );
}

/** 落实情况: a B-class reply's follow-up report. */
export function FollowUpPanel({ ctx }: { ctx: PanelContext }) {
  const { t } = useWords();
  const action = useAction(ctx.detail.id);
  const [form] = Form.useForm<{ summary: string }>();
  return (
    <Panel title={t('actions.followUp.title')} testId="panel-follow-up">
      <ErrorAlert error={action.error} />
      <Form
        form={form}
        name="follow-up"
        layout="vertical"
        onFinish={async (v) => {
          const r = await action.run({ summary: v.summary.trim() }, (body, headers) =>
            client.POST('/api/proposals/{id}/follow-up', { params: onProposal(ctx.detail.id), body, headers }),
          );
          if (r) await ctx.done(t('actions.done'), r);
        }}
      >
        <Form.Item
          name="summary"
          label={t('actions.followUp.summary')}
          rules={[{ required: true, whitespace: true, message: t('actions.required') }]}
        >
          <TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={action.busy}>
          {t('actions.followUp.submit')}
        </Button>
      </Form>
    </Panel>
  );
}

/** 公开: the lead unit confirms that a 主动公开 reply is published. */
export function PublicationPanel({ ctx }: { ctx: PanelContext }) {
  const { t } = useWords();
  const action = useAction(ctx.detail.id);
  const confirm = useConfirm();
  const { t: k } = useTranslation('confirm');
  return (
    <Panel title={t('actions.publication.title')} testId="panel-publication">
      <ErrorAlert error={action.error} />
      <Form
        name="publication"
        layout="vertical"
        onFinish={async (v: { location?: string }) => {
          const go = await confirm({
            title: k('publication.title'),
            content: k('publication.content'),
            okText: k('publication.ok'),
          });
          if (!go) return;
          const location = v.location?.trim();
          const r = await action.run(location ? { location } : {}, (body, headers) =>
            client.POST('/api/proposals/{id}/publication', { params: onProposal(ctx.detail.id), body, headers }),
          );
          if (r) await ctx.done(t('actions.done'), r);
        }}
      >
        <Form.Item name="location" label={t('actions.publication.location')}>
          <Input maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={action.busy}>
          {t('actions.publication.submit')}
        </Button>
      </Form>
    </Panel>
  );
}

// ------------------------------------------------------------------ assigning office

/** 处理申请调整: reject (the assignment stands) or reassign the objecting unit's part. */
export function DecideObjectionPanel({ ctx, objectionId: id }: { ctx: PanelContext; objectionId: number }) {
  const { t, lang } = useWords();
  const unitName = useUnitName();
  const units = useUnits();
  const action = useAction(ctx.detail.id);
  const objection = ctx.detail.objections.find((o) => o.id === id);
  const confirm = useConfirm();
  const { t: k } = useTranslation('confirm');
  const [decision, setDecision] = useState<'reject' | 'reassign'>('reject');
  if (!objection) return null;
  const candidates = units.filter(
    (u) => u.kind === 'bureau' && u.enabled && !ctx.detail.assignedUnitIds.includes(u.id),
  );
  return (
    <Panel
      title={t('actions.decideObjection.title', { unit: unitName(objection.unitId) })}
      testId={`panel-decide-objection-${id}`}
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
        {t('actions.decideObjection.raised', {
          unit: unitName(objection.unitId),
          at: formatDateTime(objection.at, lang),
          reason: objection.reason,
        })}
      </Typography.Paragraph>
      <ErrorAlert error={action.error} />
      <ReasonForm
        name={`decide-objection-${id}`}
        label={t('actions.decideObjection.reason')}
        submit={t('actions.decideObjection.submit')}
        busy={action.busy}
        extra={
          <>
            <Form.Item name="decision" label={t('actions.decideObjection.decision')} initialValue="reject">
              <Radio.Group
                aria-label={t('actions.decideObjection.decision')}
                onChange={(e) => setDecision(e.target.value)}
                options={[
                  { value: 'reject', label: t('actions.decideObjection.reject') },
                  { value: 'reassign', label: t('actions.decideObjection.reassign') },
                ]}
              />
            </Form.Item>
            {decision === 'reassign' && (
              <Form.Item
                name="replacementUnitId"
                label={t('actions.decideObjection.replacement')}
                rules={[{ required: true, message: t('actions.chooseRequired') }]}
              >
                <Select options={candidates.map((u) => ({ value: u.id, label: u.name }))} />
              </Form.Item>
            )}
          </>
        }
        onSubmit={async (reason, v) => {
          if (
            !(await confirm({ title: k('decision.title'), content: k('decision.content'), okText: k('decision.ok') }))
          )
            return false;
          const reassign = v['decision'] === 'reassign';
          const r = await action.run(
            {
              decision: reassign ? ('reassign' as const) : ('reject' as const),
              reason,
              ...(reassign ? { replacementUnitId: String(v['replacementUnitId']) } : {}),
            },
            (body, headers) =>
              client.POST('/api/proposals/{id}/objections/{objectionId}/decision', {
                params: { path: { id: ctx.detail.id, objectionId: id } },
                body,
                headers,
              }),
          );
          if (r) await ctx.done(t('actions.done'), r);
          return !!r;
        }}
      />
    </Panel>
  );
}

/** 审批延期: approve (the deadline moves) or refuse, with a reason. */
export function DecideExtensionPanel({ ctx, extensionId: id }: { ctx: PanelContext; extensionId: number }) {
  const { t, c, lang } = useWords();
  const unitName = useUnitName();
  const action = useAction(ctx.detail.id);
  const ext = ctx.detail.extensions.find((e) => e.id === id);
  const confirm = useConfirm();
  const { t: k } = useTranslation('confirm');
  if (!ext) return null;
  const kind = ext.deadlineKey.split(':')[0];
  return (
    <Panel
      title={t('actions.decideExtension.title', { unit: unitName(ext.unitId) })}
      testId={`panel-decide-extension-${id}`}
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
        {t('actions.decideExtension.requested', {
          unit: unitName(ext.unitId),
          deadline: c(`deadlineKind.${kind}`),
          date: formatIsoDate(ext.requestedEndDate, lang),
          reason: ext.reason,
        })}
      </Typography.Paragraph>
      <ErrorAlert error={action.error} />
      <ReasonForm
        name={`decide-extension-${id}`}
        label={t('actions.decideExtension.reason')}
        submit={t('actions.decideExtension.submit')}
        busy={action.busy}
        extra={
          <Form.Item name="decision" label={t('actions.decideExtension.decision')} initialValue="approve">
            <Radio.Group
              aria-label={t('actions.decideExtension.decision')}
              options={[
                { value: 'approve', label: t('actions.decideExtension.approve') },
                { value: 'refuse', label: t('actions.decideExtension.refuse') },
              ]}
            />
          </Form.Item>
        }
        onSubmit={async (reason, v) => {
          if (
            !(await confirm({ title: k('decision.title'), content: k('decision.content'), okText: k('decision.ok') }))
          )
            return false;
          const decision = v['decision'] === 'refuse' ? ('refuse' as const) : ('approve' as const);
          const r = await action.run({ decision, reason }, (body, headers) =>
            client.POST('/api/proposals/{id}/extensions/{extensionId}/decision', {
              params: { path: { id: ctx.detail.id, extensionId: id } },
              body,
              headers,
            }),
          );
          if (r) await ctx.done(t('actions.done'), r);
          return !!r;
        }}
      />
    </Panel>
  );
}

/**
 * 满意度测评: the office records each proposer's rating of one replying unit's reply: a form for
 * each proposer the API says is still to be rated, the ratings of the reply's latest round for the rest.
 */
export function FeedbackPanel({ ctx, unitId, proposers }: { ctx: PanelContext; unitId: string; proposers: string[] }) {
  const { t } = useWords();
  const unitName = useUnitName();
  const latest = ctx.detail.ratings.filter((r) => r.unitId === unitId).at(-1);
  const rated = Object.fromEntries((latest?.ratings ?? []).map((r) => [r.proposer, r.rating]));
  return (
    <Panel title={t('actions.feedback.title', { unit: unitName(unitId) })} testId={`panel-feedback-${unitId}`}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {ctx.detail.proposers.map((p, i) =>
          !proposers.includes(p.name) ? (
            rated[p.name] && (
              <Typography.Text key={p.name} data-testid="rated">
                {t('actions.feedback.rated', { proposer: p.name, rating: t(`rating.${rated[p.name]}`) })}
              </Typography.Text>
            )
          ) : (
            <RatingForm key={p.name} ctx={ctx} unitId={unitId} proposer={p.name} index={i} />
          ),
        )}
      </Space>
    </Panel>
  );
}

function RatingForm({
  ctx,
  unitId,
  proposer,
  index,
}: {
  ctx: PanelContext;
  unitId: string;
  proposer: string;
  index: number;
}) {
  const { t } = useWords();
  const action = useAction(ctx.detail.id);
  return (
    <div data-testid={`rating-${index}`} style={{ borderTop: index ? '1px solid #f0f0f0' : undefined, paddingTop: 8 }}>
      <ErrorAlert error={action.error} />
      <Form
        name={`rating-${index}`}
        layout="vertical"
        onFinish={async (v: { rating: Rating; comment?: string }) => {
          const comment = v.comment?.trim();
          const r = await action.run(
            { unitId, proposer, rating: v.rating, ...(comment ? { comment } : {}) },
            (body, headers) =>
              client.POST('/api/proposals/{id}/feedback', { params: onProposal(ctx.detail.id), body, headers }),
          );
          if (r) await ctx.done(t('actions.done'), r);
        }}
      >
        <Form.Item
          name="rating"
          label={t('actions.feedback.rating', { proposer })}
          rules={[{ required: true, message: t('actions.chooseRequired') }]}
        >
          <Radio.Group
            aria-label={t('actions.feedback.rating', { proposer })}
            options={RATINGS.map((r) => ({ value: r, label: t(`rating.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="comment" label={t('actions.feedback.comment', { proposer })}>
          <TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={action.busy}>
          {t('actions.feedback.submit', { proposer })}
        </Button>
      </Form>
    </div>
  );
}

// ------------------------------------------------------------------ supervisors

/** 免于会办: a supervisor waives an opinion that is neither in nor waived. */
export function WaivePanel({ ctx, units }: { ctx: PanelContext; units: string[] }) {
  const { t } = useWords();
  const unitName = useUnitName();
  const action = useAction(ctx.detail.id);
  const confirm = useConfirm();
  const { t: k } = useTranslation('confirm');
  return (
    <Panel title={t('actions.waive.title')} testId="panel-waive">
      <ErrorAlert error={action.error} />
      <ReasonForm
        name="waive"
        label={t('actions.waive.reason')}
        submit={t('actions.waive.submit')}
        busy={action.busy}
        extra={
          <Form.Item
            name="unitId"
            label={t('actions.waive.unit')}
            initialValue={units.length === 1 ? units[0] : undefined}
            rules={[{ required: true, message: t('actions.chooseRequired') }]}
          >
            <Select options={units.map((u) => ({ value: u, label: unitName(u) }))} />
          </Form.Item>
        }
        onSubmit={async (reason, v) => {
          const unitId = String(v['unitId']);
          const go = await confirm({
            title: k('waive.title'),
            content: k('waive.content', { unit: unitName(unitId) }),
            okText: k('waive.ok'),
            danger: true,
          });
          if (!go) return false;
          const r = await action.run(
            { reason },
            (body, headers) =>
              client.POST('/api/proposals/{id}/opinions/{unitId}/waiver', {
                params: { path: { id: ctx.detail.id, unitId } },
                body,
                headers,
              }),
            unitId,
          );
          if (r) await ctx.done(t('actions.done'), r);
          return !!r;
        }}
      />
    </Panel>
  );
}

/** 催办: remind a unit of its open tasks on this proposal. */
export function ReminderPanel({ ctx, units }: { ctx: PanelContext; units: string[] }) {
  const { t } = useWords();
  const unitName = useUnitName();
  const action = useAction(ctx.detail.id);
  const [form] = Form.useForm<{ unitId: string; message?: string }>();
  // 督办通知单: the stronger notice, a supervisor's, to a unit holding an overdue deadline.
  const [notice, setNotice] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const supervisionNotice = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const message = v.message?.trim();
    setNotice({ busy: true, error: null });
    try {
      const doc = await ok(
        client.POST('/api/proposals/{id}/supervision-notices', {
          params: onProposal(ctx.detail.id),
          body: { unitId: v.unitId, ...(message ? { message } : {}) },
        }),
      );
      setNotice({ busy: false, error: null });
      form.resetFields();
      await ctx.done(t('actions.supervisionNotice.done', { number: doc.documentNumber }));
    } catch (e) {
      setNotice({ busy: false, error: e });
    }
  };
  return (
    <Panel title={t('actions.reminder.title')} testId="panel-reminder">
      <ErrorAlert error={action.error ?? notice.error} />
      <Form
        form={form}
        name="reminder"
        layout="vertical"
        initialValues={{ unitId: units.length === 1 ? units[0] : undefined }}
        onFinish={async (v) => {
          const message = v.message?.trim();
          const r = await action.run({ unitId: v.unitId, ...(message ? { message } : {}) }, (body, headers) =>
            client.POST('/api/proposals/{id}/reminders', { params: onProposal(ctx.detail.id), body, headers }),
          );
          if (r) {
            form.resetFields();
            await ctx.done(t('actions.done'), r);
          }
        }}
      >
        <Form.Item
          name="unitId"
          label={t('actions.reminder.unit')}
          rules={[{ required: true, message: t('actions.chooseRequired') }]}
        >
          <Select options={units.map((u) => ({ value: u, label: unitName(u) }))} />
        </Form.Item>
        <Form.Item name="message" label={t('actions.reminder.message')}>
          <TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={action.busy}>
            {t('actions.reminder.submit')}
          </Button>
          {ctx.detail.supervisionNoticeUnits.length > 0 && (
            <Button
              danger
              loading={notice.busy}
              onClick={() => void supervisionNotice()}
              data-testid="supervision-notice"
            >
              {t('actions.supervisionNotice.submit')}
            </Button>
          )}
        </Space>
      </Form>
    </Panel>
  );
}

/** 重点提案: mark the proposal as key, naming its supervising leaders (or change them). */
export function KeyPanel({ ctx }: { ctx: PanelContext }) {
  const { t } = useWords();
  const action = useAction(ctx.detail.id);
  const candidates = useKeyLeaders().data ?? [];
  const linked = ctx.detail.keyLeaderUserIds ?? [];
  // The names typed: the leaders other than the linked users (whose names the API adds).
  const linkedNames = new Set(candidates.filter((c) => linked.includes(c.id)).map((c) => c.displayName));
  const named = (ctx.detail.keyLeaders ?? []).filter((n) => !linkedNames.has(n));
  const [form] = Form.useForm<{ leaders?: string; leaderUserIds?: string[] }>();
  return (
    <Panel title={ctx.detail.keyProposal ? t('actions.key.titleUpdate') : t('actions.key.title')} testId="panel-key">
      <ErrorAlert error={action.error} />
      <Form
        form={form}
        name="key"
        layout="vertical"
        initialValues={{ leaders: named.join('、'), leaderUserIds: linked }}
        onFinish={async (v: { leaders?: string; leaderUserIds?: string[] }) => {
          const body = { leaders: splitNames(v.leaders ?? ''), leaderUserIds: v.leaderUserIds ?? [] };
          const r = await action.run(body, (b, headers) =>
            client.POST('/api/proposals/{id}/key', { params: onProposal(ctx.detail.id), body: b, headers }),
          );
          if (r) await ctx.done(t('actions.done'), r);
        }}
      >
        <Form.Item
          name="leaders"
          label={t('actions.key.leaders')}
          dependencies={['leaderUserIds']}
          rules={[
            {
              validator: (_, value: string | undefined) =>
                splitNames(value ?? '').length > 0 || (form.getFieldValue('leaderUserIds') ?? []).length > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('actions.key.oneLeader'))),
            },
          ]}
        >
          <Input maxLength={600} />
        </Form.Item>
        <Form.Item name="leaderUserIds" label={t('actions.key.leaderUsers')} extra={t('actions.key.leaderUsersHint')}>
          <Select
            mode="multiple"
            allowClear
            data-testid="key-leader-users"
            options={candidates.map((c) => ({ value: c.id, label: c.displayName }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={action.busy}>
          {t('actions.key.submit')}
        </Button>
      </Form>
    </Panel>
  );
}
