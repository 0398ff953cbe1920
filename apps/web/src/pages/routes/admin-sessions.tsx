import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../api/client';
import { CommitteeSession, SESSIONS, useSessions } from '../../api/sessions';
import { queryClient } from '../../api/query';
import { ErrorAlert } from '../../components/ErrorAlert';

const CODE = /^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/;

interface Values {
  code: string;
  name: string;
  term?: number | null;
  meeting?: number | null;
  year: number;
  dates?: [Dayjs, Dayjs] | null;
}

/** The committee's sessions, as an admin creates them and closes or reopens their registration. */
export default function AdminSessionsPage() {
  const { t } = useTranslation('sessions');
  const sessions = useSessions();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  const act = async (key: string, call: () => Promise<unknown>) => {
    setBusy(key);
    try {
      await call();
      setError(null);
      await queryClient.invalidateQueries({ queryKey: SESSIONS });
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const create = async (v: Values) => {
    const body = {
      code: v.code.trim(),
      name: v.name.trim(),
      year: v.year,
      term: v.term ?? null,
      meeting: v.meeting ?? null,
      startsOn: v.dates?.[0]?.format('YYYY-MM-DD') ?? null,
      endsOn: v.dates?.[1]?.format('YYYY-MM-DD') ?? null,
    };
    setCreated(null);
    if (await act('create', () => ok(client.POST('/api/admin/sessions', { body })))) {
      setCreated(body.name);
      form.resetFields();
    }
  };
  const setStatus = (s: CommitteeSession, to: 'close' | 'reopen') =>
    act(`${to}:${s.code}`, () =>
      ok(client.POST(`/api/admin/sessions/{code}/${to}`, { params: { path: { code: s.code } } })),
    );
  const required = (field: string) => ({ required: true, whitespace: true, message: t('create.required', { field }) });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('intro')}
      </Typography.Paragraph>
      <ErrorAlert error={error ?? sessions.error} onClose={() => setError(null)} />
      <Card title={t('create.title')} size="small">
        {created && (
          <Alert
            type="success"
            showIcon
            role="status"
            style={{ marginBottom: 16 }}
            title={t('create.done', { name: created })}
          />
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void create(v)}
          initialValues={{ year: new Date().getFullYear() + 1 }}
          data-testid="session-form"
        >
          <Row gutter={16}>
            <Col xs={24} md={4}>
              <Form.Item
                name="code"
                label={t('create.code')}
                extra={t('create.codeHelp')}
                rules={[required(t('create.code')), { pattern: CODE, message: t('create.codeInvalid') }]}
              >
                <Input maxLength={32} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="name" label={t('create.name')} rules={[required(t('create.name'))]}>
                <Input maxLength={100} placeholder={t('create.namePlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={8} md={2}>
              <Form.Item name="term" label={t('create.term')}>
                <InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={8} md={2}>
              <Form.Item name="meeting" label={t('create.meeting')}>
                <InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={8} md={3}>
              <Form.Item
                name="year"
                label={t('create.year')}
                rules={[{ required: true, message: t('create.required', { field: t('create.year') }) }]}
              >
                <InputNumber min={1949} max={2200} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={5}>
              <Form.Item name="dates" label={t('create.dates')}>
                <DatePicker.RangePicker />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={busy === 'create'} data-testid="session-create">
            {t('create.submit')}
          </Button>
        </Form>
      </Card>
      <Table<CommitteeSession>
        // Wider than a phone: the table scrolls inside its own box, never the page.
        scroll={{ x: 'max-content' }}
        rowKey="code"
        size="small"
        loading={sessions.isPending}
        dataSource={sessions.data ?? []}
        pagination={false}
        columns={[
          { title: t('columns.code'), dataIndex: 'code' },
          { title: t('columns.name'), dataIndex: 'name' },
          {
            title: t('columns.termMeeting'),
            render: (_, s) => (s.term && s.meeting ? t('termMeeting', { term: s.term, meeting: s.meeting }) : ''),
          },
          { title: t('columns.year'), dataIndex: 'year' },
          {
            title: t('columns.dates'),
            render: (_, s) => [s.startsOn, s.endsOn].filter(Boolean).join(' – '),
          },
          {
            title: t('columns.status'),
            render: (_, s) => <Tag color={s.status === 'open' ? 'green' : 'default'}>{t(`status.${s.status}`)}</Tag>,
          },
          {
            title: t('columns.actions'),
            render: (_, s) =>
              s.status === 'open' ? (
                <Popconfirm
                  title={t('closeConfirm', { name: s.name })}
                  okText={t('close')}
                  cancelText={t('cancel')}
                  onConfirm={() => setStatus(s, 'close')}
                >
                  <Button size="small" danger loading={busy === `close:${s.code}`}>
                    {t('close')}
                  </Button>
                </Popconfirm>
              ) : (
                <Button size="small" loading={busy === `reopen:${s.code}`} onClick={() => void setStatus(s, 'reopen')}>
                  {t('reopen')}
                </Button>
              ),
          },
        ]}
      />
    </Space>
  );
}
