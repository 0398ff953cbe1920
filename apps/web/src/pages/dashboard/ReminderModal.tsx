import { Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, idempotent, ok } from '../../api/client';
import { useUnitName } from '../../api/units';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useIdempotencyKey } from '../../components/useIdempotencyKey';
import type { SupervisedDeadline } from './types';

/** The units a 催办 may go to for a row: those holding it up, then the deadline's own unit. */
export function remindableUnits(d: SupervisedDeadline): string[] {
  const held = [...d.heldBy].sort((a, b) => b.workingDays - a.workingDays).map((h) => h.unitId);
  return [...new Set([...held, d.unitId])];
}

/**
 * 催办: a reminder to a unit holding a deadline up. The server refuses (422) a unit with no
 * open task on the proposal; the reason is shown and the note typed is kept.
 */
export function ReminderModal(props: { deadline: SupervisedDeadline | null; onClose(sent?: string): void }) {
  const { t } = useTranslation('dashboard');
  const unitName = useUnitName();
  const [form] = Form.useForm<{ unitId: string; message?: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { keyFor, settle } = useIdempotencyKey();
  const d = props.deadline;

  useEffect(() => {
    if (d) {
      form.setFieldsValue({ unitId: remindableUnits(d)[0], message: '' });
      setError(null);
    }
  }, [d, form]);

  const send = async (values: { unitId: string; message?: string }) => {
    if (!d) return;
    const body = { unitId: values.unitId, ...(values.message?.trim() ? { message: values.message.trim() } : {}) };
    setBusy(true);
    try {
      await ok(
        client.POST('/api/proposals/{id}/reminders', {
          params: { path: { id: d.proposalId } },
          body,
          headers: idempotent(keyFor({ proposalId: d.proposalId, ...body })),
        }),
      );
      settle();
      props.onClose(unitName(values.unitId));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!d}
      title={d ? t('remindTitle', { title: d.title }) : ''}
      okText={t('remindSend')}
      okButtonProps={{ loading: busy, 'data-testid': 'reminder-send' } as never}
      onOk={() => form.submit()}
      onCancel={() => props.onClose()}
      forceRender
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" name="reminder" onFinish={(v) => void send(v)}>
        <Form.Item name="unitId" label={t('remindUnit')} rules={[{ required: true }]}>
          <Select options={(d ? remindableUnits(d) : []).map((u) => ({ value: u, label: unitName(u) }))} />
        </Form.Item>
        <Form.Item name="message" label={t('remindMessage')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            placeholder={t('remindMessagePlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
