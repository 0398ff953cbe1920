import { Alert, Button, Checkbox, Col, Form, Input, Radio, Row, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FORM_LIMITS } from '../../limits';
import { Link } from 'react-router-dom';
import { client, idempotent, ok } from '../../api/client';
import { sessionLabel, useSessions } from '../../api/sessions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useIdempotencyKey } from '../../components/useIdempotencyKey';
import { proposalPath } from '../proposals/types';

const CODE = /^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/;

interface Values {
  kind: 'proposal' | 'suggestion';
  sessionCode: string;
  number: string;
  title: string;
  proposers: { name?: string; email?: string }[];
  leadIndex: number;
  body: string;
  points: string[];
  urgent: boolean;
}

/** The registration as POST /api/proposals takes it (the session's name comes from the session). */
export function registrationOf(v: Values) {
  const proposers = v.proposers.map((p, i) => {
    const email = p?.email?.trim();
    return { name: (p?.name ?? '').trim(), lead: i === v.leadIndex, ...(email ? { email } : {}) };
  });
  return {
    kind: v.kind,
    sessionCode: v.sessionCode,
    number: v.number.trim(),
    title: v.title.trim(),
    proposers,
    body: v.body,
    suggestionPoints: v.points.map((text, i) => ({ seq: i + 1, text: (text ?? '').trim() })),
    ...(v.urgent ? { urgent: true } : {}),
  };
}

/**
 * One proposal registered by hand. On a refusal the form keeps everything typed, and sending
 * the same again reuses the idempotency key, so a retry after a timeout registers it once.
 */
export function RegisterForm({ onRegistered }: { onRegistered?: () => void }) {
  const { t } = useTranslation('intake');
  const [form] = Form.useForm<Values>();
  const sessions = useSessions();
  const openSessions = (sessions.data ?? []).filter((s) => s.status === 'open');
  const proposers = Form.useWatch('proposers', form) ?? [];
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ id: string; title: string } | null>(null);
  const idempotency = useIdempotencyKey();
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('register.required', { field }),
  });

  const submit = async (values: Values) => {
    const body = registrationOf(values);
    setBusy(true);
    setDone(null);
    try {
      const proposal = await ok(client.POST('/api/proposals', { body, headers: idempotent(idempotency.keyFor(body)) }));
      idempotency.settle();
      setError(null);
      setDone({ id: proposal.id, title: proposal.title });
      form.resetFields();
      onRegistered?.();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      initialValues={{ kind: 'proposal', proposers: [{ name: '' }], leadIndex: 0, points: [''], urgent: false }}
      style={{ maxWidth: 960 }}
      data-testid="register-form"
    >
      {done && (
        <Alert
          type="success"
          showIcon
          closable
          role="status"
          style={{ marginBottom: 16 }}
          title={t('register.done', { title: done.title })}
          action={<Link to={proposalPath(done.id)}>{t('register.open')}</Link>}
        />
      )}
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item name="kind" label={t('register.kind')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'proposal', label: t('register.kindProposal') },
                { value: 'suggestion', label: t('register.kindSuggestion') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item
            name="sessionCode"
            label={t('register.session')}
            extra={t('register.sessionHelp')}
            rules={[{ required: true, message: t('register.required', { field: t('register.session') }) }]}
          >
            <Select
              loading={sessions.isPending}
              placeholder={t('register.sessionPlaceholder')}
              notFoundContent={sessions.isPending ? undefined : t('register.noOpenSession')}
              options={openSessions.map((s) => ({ value: s.code, label: sessionLabel(s) }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={4}>
          <Form.Item
            name="number"
            label={t('register.number')}
            rules={[required(t('register.number')), { pattern: CODE, message: t('register.codeInvalid') }]}
          >
            <Input maxLength={32} />
          </Form.Item>
        </Col>
      </Row>
      {/* The limit is stated and over-long text kept (marked red), never cut off as it is pasted. */}
      <Form.Item
        name="title"
        label={t('register.title')}
        extra={t('register.titleHelp', { max: FORM_LIMITS.title })}
        rules={[
          required(t('register.title')),
          {
            validator: (_, v: string | undefined) =>
              (v ?? '').length > FORM_LIMITS.title
                ? Promise.reject(
                    new Error(t('register.titleTooLong', { max: FORM_LIMITS.title, count: (v ?? '').length })),
                  )
                : Promise.resolve(),
          },
        ]}
      >
        <Input
          count={{ show: true, max: FORM_LIMITS.title }}
          placeholder={t('register.titlePlaceholder')}
          data-testid="register-title"
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.List name="proposers">
            {(fields, { add, remove }) => (
              <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('register.proposers')}</legend>
                {fields.map((field, i) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={t('register.proposerN', { n: i + 1 })}
                      rules={[required(t('register.proposerN', { n: i + 1 }))]}
                      style={{ marginBottom: 8 }}
                    >
                      <Input maxLength={50} style={{ width: 160 }} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'email']}
                      label={t('register.proposerEmailN', { n: i + 1 })}
                      rules={[{ type: 'email', message: t('register.invalidEmail') }]}
                      style={{ marginBottom: 8 }}
                    >
                      <Input maxLength={254} style={{ width: 200 }} placeholder={t('register.emailOptional')} />
                    </Form.Item>
                    {fields.length > 1 && (
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined />}
                        aria-label={t('register.removeProposer', { n: i + 1 })}
                        onClick={() => {
                          remove(field.name);
                          const lead = form.getFieldValue('leadIndex') as number;
                          if (lead === i) form.setFieldValue('leadIndex', 0);
                          else if (lead > i) form.setFieldValue('leadIndex', lead - 1);
                        }}
                      />
                    )}
                  </Space>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ name: '' })}
                  style={{ marginBottom: 16 }}
                >
                  {t('register.addProposer')}
                </Button>
              </fieldset>
            )}
          </Form.List>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="leadIndex" label={t('register.lead')}>
            <Select
              options={proposers.map((p, i) => ({
                value: i,
                label: p?.name?.trim() || t('register.proposerN', { n: i + 1 }),
              }))}
            />
          </Form.Item>
          <Form.Item name="urgent" valuePropName="checked">
            <Checkbox>{t('register.urgent')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="body" label={t('register.body')} rules={[required(t('register.body'))]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={50_000} />
      </Form.Item>
      <Form.List name="points">
        {(fields, { add, remove }) => (
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('register.points')}</legend>
            {fields.map((field, i) => (
              <Space key={field.key} align="start" style={{ display: 'flex' }}>
                <Form.Item
                  name={field.name}
                  label={t('register.pointN', { n: i + 1 })}
                  rules={[required(t('register.pointN', { n: i + 1 }))]}
                  style={{ marginBottom: 8, width: 720, maxWidth: '80vw' }}
                >
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={5000} />
                </Form.Item>
                {fields.length > 1 && (
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={t('register.removePoint', { n: i + 1 })}
                    onClick={() => remove(field.name)}
                    style={{ marginTop: 30 }}
                  />
                )}
              </Space>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ name: '' })}
              style={{ marginBottom: 16 }}
            >
              {t('register.addPoint')}
            </Button>
          </fieldset>
        )}
      </Form.List>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="register-submit">
          {t('register.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
