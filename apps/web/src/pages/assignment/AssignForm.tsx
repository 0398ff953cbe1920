import { Alert, Button, Form, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../components/useConfirm';
import { client, idempotent, ok, Schemas } from '../../api/client';
import { proposalKey } from '../proposal/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useIdempotencyKey } from '../../components/useIdempotencyKey';
import { AssignmentFields } from './AssignmentFields';
import { colon } from '../../format';
import { useUnitName } from '../../api/units';

export interface AssignValues {
  mode: 'lead' | 'split' | 'single';
  leadUnitId?: string;
  coHandlerUnitIds?: string[];
  splitUnitIds?: string[];
  singleUnitId?: string;
}

/** The body of POST /api/proposals/:id/assignment for the form's values. */
export function assignmentOf(v: AssignValues): Schemas['AssignDto'] {
  if (v.mode === 'lead') return { mode: 'lead', leadUnitId: v.leadUnitId, coHandlerUnitIds: v.coHandlerUnitIds ?? [] };
  if (v.mode === 'split') return { mode: 'split', unitIds: v.splitUnitIds ?? [] };
  return { mode: 'single', unitIds: v.singleUnitId ? [v.singleUnitId] : [] };
}

/**
 * The assigning office's form for one proposal: mode, lead and co-handling units, or the units
 * of a split or single assignment (bureaus only). What was chosen survives a refusal and
 * closing the form (`draft`), and a retry reuses the idempotency key.
 */
export function AssignForm(props: {
  proposalId: string;
  title: string;
  draft?: AssignValues;
  onDraft(values: AssignValues): void;
  onAssigned(): void;
}) {
  const { t, i18n } = useTranslation('assignment');
  const [form] = Form.useForm<AssignValues>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const idempotency = useIdempotencyKey();
  const confirm = useConfirm();
  const { t: k } = useTranslation('confirm');

  const detail =
    useQuery({
      queryKey: [...proposalKey(props.proposalId), 'detail'],
      queryFn: ({ signal }) =>
        ok(client.GET('/api/proposals/{id}', { params: { path: { id: props.proposalId } }, signal })),
    }).data ?? null;

  const submit = async (values: AssignValues) => {
    const go = await confirm({ title: k('assign.title'), content: k('assign.content'), okText: k('assign.ok') });
    if (!go) return;
    const body = assignmentOf(values);
    setBusy(true);
    try {
      await ok(
        client.POST('/api/proposals/{id}/assignment', {
          params: { path: { id: props.proposalId } },
          body,
          headers: idempotent(idempotency.keyFor(body)),
        }),
      );
      idempotency.settle();
      setError(null);
      props.onAssigned();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap' }} data-testid={`assign-form-${props.proposalId}`}>
      <Form<AssignValues>
        form={form}
        layout="vertical"
        name={`assign-${props.proposalId}`}
        initialValues={props.draft ?? { mode: 'lead', coHandlerUnitIds: [], splitUnitIds: [] }}
        onValuesChange={(_, all) => props.onDraft(all)}
        onFinish={(v) => void submit(v)}
        style={{ flex: '1 1 480px', maxWidth: 640 }}
      >
        <ErrorAlert error={error} onClose={() => setError(null)} />
        <SuggestionHint
          proposalId={props.proposalId}
          onApply={(values) => {
            form.setFieldsValue(values);
            props.onDraft(form.getFieldsValue(true) as AssignValues);
          }}
        />
        <AssignmentFields form={form} idPrefix={`assign-${props.proposalId}`} initialMode={props.draft?.mode} />
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('submit')}
        </Button>
      </Form>
      {detail && (
        <div style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Typography.Text strong>
            {t('proposers')}
            {colon(i18n.language)}
          </Typography.Text>
          <Typography.Text>
            {detail.proposers
              .slice()
              .sort((a, b) => Number(b.lead) - Number(a.lead))
              .map((p) => p.name)
              .join('、')}
          </Typography.Text>
          <div style={{ marginTop: 8 }}>
            <Typography.Text strong>
              {t('points')}
              {colon(i18n.language)}
            </Typography.Text>
            <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {detail.suggestionPoints.map((p) => (
                <li key={p.seq}>{p.text}</li>
              ))}
            </ol>
          </div>
        </div>
      )}
    </div>
  );
}

/**
 * 交办建议: the units the most similar proposals already assigned went to, with the proposals it
 * rests on; the officer applies it to the form (or not), then confirms as always.
 */
function SuggestionHint(props: { proposalId: string; onApply(values: AssignValues): void }) {
  const { t } = useTranslation('assignment');
  const unitName = useUnitName();
  const [applied, setApplied] = useState(false);
  const s = useQuery({
    queryKey: [...proposalKey(props.proposalId), 'assignment-suggestion'],
    queryFn: ({ signal }) =>
      ok(
        client.GET('/api/proposals/{id}/assignment-suggestion', {
          params: { path: { id: props.proposalId } },
          signal,
        }),
      ),
    // A hint: when it cannot be had, the form works as before.
    retry: false,
  }).data?.suggestion;
  if (!s) return null;
  const values: AssignValues =
    s.mode === 'lead'
      ? { mode: 'lead', leadUnitId: s.leadUnitId, coHandlerUnitIds: s.coHandlerUnitIds }
      : { mode: 'single', singleUnitId: s.leadUnitId };
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="assignment-suggestion"
      title={
        s.mode === 'lead'
          ? t('suggestion.lead', {
              lead: unitName(s.leadUnitId),
              co: s.coHandlerUnitIds.map(unitName).join(t('suggestion.unitSeparator')),
            })
          : t('suggestion.single', { lead: unitName(s.leadUnitId) })
      }
      description={
        applied
          ? t('suggestion.applied')
          : t('suggestion.basis', {
              count: s.basis.length,
              share: Math.round(s.agreement * 100),
              titles: s.basis
                .slice(0, 3)
                .map((b) => b.title)
                .join(t('suggestion.separator')),
            })
      }
      action={
        <Button
          size="small"
          onClick={() => {
            props.onApply(values);
            setApplied(true);
          }}
        >
          {t('suggestion.apply')}
        </Button>
      }
    />
  );
}
