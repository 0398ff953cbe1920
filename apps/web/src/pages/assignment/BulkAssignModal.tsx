import { Alert, Button, Form, List, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, client, idempotent, ok, Schemas } from '../../api/client';
import { useUnitName } from '../../api/units';
import { ErrorAlert, errorText } from '../../components/ErrorAlert';
import { useIdempotencyKey } from '../../components/useIdempotencyKey';
import { assignmentOf, AssignValues } from './AssignForm';
import { AssignmentFields } from './AssignmentFields';

export interface BulkRow {
  proposalId: string;
  title: string;
}

type Report = Schemas['BulkAssignmentReportResponse'];
type Suggested = { proposalId: string; title: string; assignment: Schemas['AssignDto'] };
type Step =
  | { kind: 'choose' }
  | { kind: 'confirm'; values: AssignValues }
  | { kind: 'suggested'; rows: Suggested[]; without: BulkRow[] }
  | { kind: 'results'; report: Report };

/**
 * 批量交办: the office assigns the selected proposals in one step, all to the same units.
 * Choose the units, confirm, then see each proposal's result: assigned, or refused with the
 * reason the API gave (a refused proposal is left as it was).
 */
export function BulkAssignModal(props: { rows: BulkRow[]; onClose(): void; onDone(): void }) {
  const { t } = useTranslation('assignment');
  const { t: c } = useTranslation();
  const unitName = useUnitName();
  const [form] = Form.useForm<AssignValues>();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [noneSuggested, setNoneSuggested] = useState(false);
  const idempotency = useIdempotencyKey();
  const titleOf = new Map(props.rows.map((r) => [r.proposalId, r.title]));

  const submit = (values: AssignValues) => {
    const assignment = assignmentOf(values);
    return send({ assignments: props.rows.map((r) => ({ proposalId: r.proposalId, ...assignment })) });
  };

  /** 各件按交办建议: each row's own suggestion; rows without one are left for one-by-one assignment. */
  const suggest = async () => {
    setBusy(true);
    try {
      const answers = await Promise.all(
        props.rows.map(async (r) => ({
          row: r,
          suggestion: (
            await ok(
              client.GET('/api/proposals/{id}/assignment-suggestion', { params: { path: { id: r.proposalId } } }),
            )
          ).suggestion,
        })),
      );
      const rows: Suggested[] = answers.flatMap(({ row, suggestion: s }) =>
        s
          ? [
              {
                proposalId: row.proposalId,
                title: row.title,
                assignment:
                  s.mode === 'lead'
                    ? { mode: 'lead', leadUnitId: s.leadUnitId, coHandlerUnitIds: s.coHandlerUnitIds }
                    : { mode: 'single', unitIds: [s.leadUnitId] },
              },
            ]
          : [],
      );
      const without = answers.filter((a) => !a.suggestion).map((a) => a.row);
      setError(null);
      setNoneSuggested(rows.length === 0);
      if (rows.length > 0) setStep({ kind: 'suggested', rows, without });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const send = async (body: Schemas['BulkAssignmentDto']) => {
    setBusy(true);
    try {
      const report = await ok(
        client.POST('/api/proposals/assignments', { body, headers: idempotent(idempotency.keyFor(body)) }),
      );
      idempotency.settle();
      setError(null);
      setStep({ kind: 'results', report });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const units = (v: AssignValues): string => summaryOf(assignmentOf(v));
  const summaryOf = (a: Schemas['AssignDto']): string => {
    if (a.mode === 'lead') {
      return t('bulk.leadSummary', {
        lead: unitName(a.leadUnitId),
        co: (a.coHandlerUnitIds ?? []).map(unitName).join('、'),
      });
    }
    return t('bulk.unitsSummary', { mode: t(`modes.${a.mode}`), units: (a.unitIds ?? []).map(unitName).join('、') });
  };

  const close = () => (step.kind === 'results' ? props.onDone() : props.onClose());
  const footer =
    step.kind === 'choose' ? (
      <Space wrap>
        <Button onClick={props.onClose}>{c('cancel')}</Button>
        <Button
          onClick={() => void suggest()}
          loading={busy}
          title={t('bulk.bySuggestionHelp')}
          data-testid="bulk-assign-suggested"
        >
          {t('bulk.bySuggestion')}
        </Button>
        <Button
          type="primary"
          onClick={() => void form.validateFields().then((values) => setStep({ kind: 'confirm', values }))}
        >
          {t('bulk.next')}
        </Button>
      </Space>
    ) : step.kind === 'confirm' ? (
      <Space>
        <Button onClick={() => setStep({ kind: 'choose' })} disabled={busy}>
          {t('bulk.back')}
        </Button>
        <Button
          type="primary"
          loading={busy}
          onClick={() => void submit(step.values)}
          data-testid="bulk-assign-confirm"
        >
          {t('bulk.confirm', { count: props.rows.length })}
        </Button>
      </Space>
    ) : step.kind === 'suggested' ? (
      <Space>
        <Button onClick={() => setStep({ kind: 'choose' })} disabled={busy}>
          {t('bulk.back')}
        </Button>
        <Button
          type="primary"
          loading={busy}
          onClick={() =>
            void send({ assignments: step.rows.map((r) => ({ proposalId: r.proposalId, ...r.assignment })) })
          }
          data-testid="bulk-assign-confirm"
        >
          {t('bulk.confirm', { count: step.rows.length })}
        </Button>
      </Space>
    ) : (
      <Button type="primary" onClick={props.onDone}>
        {t('bulk.done')}
      </Button>
    );

  return (
    <Modal
      open
      title={t('bulk.title', { count: props.rows.length })}
      onCancel={close}
      footer={footer}
      width={720}
      maskClosable={false}
      destroyOnHidden
      data-testid="bulk-assign-modal"
    >
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {/* The form stays mounted (hidden) on later steps, so "back" finds the choices. */}
      <div style={{ display: step.kind === 'choose' ? 'block' : 'none' }}>
        <Typography.Paragraph type="secondary">{t('bulk.intro')}</Typography.Paragraph>
        {noneSuggested && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('bulk.noneSuggested')} />}
        <Form<AssignValues>
          form={form}
          layout="vertical"
          name="bulk-assign"
          initialValues={{ mode: 'lead', coHandlerUnitIds: [], splitUnitIds: [] }}
        >
          <AssignmentFields form={form} idPrefix="bulk-assign" />
        </Form>
      </div>
      {step.kind === 'confirm' && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert
            type="warning"
            showIcon
            title={t('bulk.confirmText', { count: props.rows.length, units: units(step.values) })}
          />
          <List
            size="small"
            bordered
            style={{ maxHeight: 320, overflow: 'auto' }}
            dataSource={props.rows}
            renderItem={(r) => <List.Item>{r.title}</List.Item>}
          />
        </Space>
      )}
      {step.kind === 'suggested' && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="warning" showIcon title={t('bulk.suggestedText', { count: step.rows.length })} />
          <Table<Suggested>
            rowKey="proposalId"
            size="small"
            pagination={false}
            scroll={{ y: 320 }}
            data-testid="bulk-assign-suggestions"
            dataSource={step.rows}
            columns={[
              { title: t('proposal'), key: 'title', render: (_, r) => r.title },
              { title: t('bulk.suggestedUnits'), key: 'units', render: (_, r) => summaryOf(r.assignment) },
            ]}
          />
          {step.without.length > 0 && (
            <Alert
              type="info"
              showIcon
              data-testid="bulk-assign-without-suggestion"
              title={t('bulk.noSuggestion', { count: step.without.length })}
              description={step.without.map((r) => r.title).join(t('suggestion.separator'))}
            />
          )}
        </Space>
      )}
      {step.kind === 'results' && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert
            type={step.report.refused === 0 ? 'success' : 'warning'}
            showIcon
            role="status"
            data-testid="bulk-assign-summary"
            title={t('bulk.summary', { assigned: step.report.assigned, refused: step.report.refused })}
          />
          <Table<Schemas['AssignmentRowResultResponse']>
            rowKey="proposalId"
            size="small"
            pagination={false}
            scroll={{ y: 360 }}
            data-testid="bulk-assign-results"
            dataSource={step.report.rows}
            columns={[
              { title: t('proposal'), key: 'title', render: (_, r) => titleOf.get(r.proposalId) ?? r.proposalId },
              {
                title: t('bulk.result'),
                key: 'status',
                width: 110,
                render: (_, r) =>
                  r.status === 'assigned' ? (
                    <Tag color="green">{t('bulk.assigned')}</Tag>
                  ) : (
                    <Tag color="red">{t('bulk.refused')}</Tag>
                  ),
              },
              {
                title: t('bulk.reason'),
                key: 'reason',
                render: (_, r) =>
                  r.error ? errorText(c, new ApiError(r.error.status, r.error.code, r.error.message)) : '',
              },
            ]}
          />
        </Space>
      )}
    </Modal>
  );
}
