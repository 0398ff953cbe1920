import { Alert, Button, Form, Input, Space, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../components/useConfirm';
import { useUnitName } from '../../api/units';
import { client, ok } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DraftView } from './DraftView';
import { useAction, useWorkspace } from './hooks';
import { LetterFrame } from './LetterFrame';
import { Panel, PanelContext } from './panels';
import type { ActionResult, DraftContent, DraftVersion } from './types';

/** The draft under review or awaiting signature: the latest version sent for review in this round. */
export function useSubmittedDraft(
  proposalId: string,
  unitId: string,
): { draft: DraftVersion | null | undefined; error: unknown } {
  const workspace = useWorkspace(proposalId, unitId);
  const draft = workspace.data && (workspace.data.drafts.filter((d) => d.status === 'submitted').at(-1) ?? null);
  return { draft, error: workspace.error };
}

/** 核稿 (reviewer: approve / send back) and 签发 (signer: sign / send back), with the draft shown. */
export function ReviewPanel({ ctx, step }: { ctx: PanelContext; step: 'review' | 'sign-off' }) {
  const { t } = useTranslation('proposal');
  const { draft, error: loadError } = useSubmittedDraft(ctx.detail.id, ctx.user.unitId);
  const action = useAction(ctx.detail.id);
  const confirm = useConfirm();
  const { t: k } = useTranslation('confirm');
  const unitName = useUnitName();
  const [form] = Form.useForm<{ comment?: string }>();
  const [preview, setPreview] = useState<string | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [previewBusy, setPreviewBusy] = useState(false);
  const words = step === 'review' ? 'actions.review' : 'actions.signOff';

  const decide = async (decision: 'approve' | 'sign' | 'send-back') => {
    const comment = (form.getFieldValue('comment') as string | undefined)?.trim();
    if (decision === 'send-back' && !comment) {
      form.setFields([{ name: 'comment', errors: [t('actions.commentRequired')] }]);
      return;
    }
    // Signing allocates a document number from the unit's pool: said before it is done.
    if (decision === 'sign') {
      const go = await confirm({
        title: k('sign.title'),
        content: k('sign.content', { unit: unitName(ctx.user.unitId) }),
        okText: k('sign.ok'),
      });
      if (!go) return;
    }
    const params = { path: { id: ctx.detail.id } };
    const withComment = comment ? { comment } : {};
    let r: ActionResult | undefined;
    if (step === 'review' && decision !== 'sign')
      r = await action.run({ decision, ...withComment }, (body, headers) =>
        client.POST('/api/proposals/{id}/drafts/review', { params, body, headers }),
      );
    else if (step === 'sign-off' && decision !== 'approve')
      r = await action.run({ decision, ...withComment }, (body, headers) =>
        client.POST('/api/proposals/{id}/sign-off', { params, body, headers }),
      );
    if (r) {
      form.resetFields();
      await ctx.done(
        r.documentNumber ? t('actions.signOff.signed', { number: r.documentNumber }) : t('actions.done'),
        r,
      );
    }
  };

  const showPreview = async () => {
    if (preview !== null) return setPreview(null);
    if (!draft) return;
    setPreviewBusy(true);
    setPreviewError(null);
    try {
      setPreview(
        await ok(
          client.POST('/api/proposals/{id}/letters/preview', {
            params: { path: { id: ctx.detail.id } },
            body: draft.content as DraftContent,
            parseAs: 'text',
          }),
        ),
      );
    } catch (e) {
      setPreviewError(e);
    } finally {
      setPreviewBusy(false);
    }
  };

  return (
    <Panel title={t(`${words}.title`)} testId={step === 'review' ? 'panel-review' : 'panel-sign-off'}>
      <ErrorAlert error={loadError} />
      {draft === undefined && !loadError && <Spin />}
      {draft === null && <Alert type="info" title={t('draft.noDraft')} />}
      {draft && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <DraftView content={draft.content} detail={ctx.detail} />
          <Button onClick={() => void showPreview()} loading={previewBusy} aria-expanded={preview !== null}>
            {preview === null ? t('draft.preview') : t('letters.hide')}
          </Button>
          <ErrorAlert error={previewError} />
          {preview !== null && <LetterFrame html={preview} title={t('draft.previewFrame')} height={520} />}
        </Space>
      )}
      <div style={{ marginTop: 16 }}>
        <ErrorAlert error={action.error} />
        <Form form={form} name={step} layout="vertical">
          <Form.Item name="comment" label={t(`${words}.comment`)}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
          <Space wrap>
            <Button
              type="primary"
              loading={action.busy}
              disabled={!draft}
              onClick={() => void decide(step === 'review' ? 'approve' : 'sign')}
            >
              {step === 'review' ? t('actions.review.approve') : t('actions.signOff.sign')}
            </Button>
            <Button danger loading={action.busy} disabled={!draft} onClick={() => void decide('send-back')}>
              {t(`${words}.sendBack`)}
            </Button>
          </Space>
        </Form>
      </div>
    </Panel>
  );
}
