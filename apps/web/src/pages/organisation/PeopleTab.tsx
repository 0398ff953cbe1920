import { Button, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../api/client';
import type { Person, Role } from '../../api/types';
import { useUnitName, useUnits } from '../../api/units';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ADMIN_PEOPLE, organisationChanged, useOptionsOf } from './organisation-data';

interface PersonValues {
  username: string;
  password?: string;
  displayName: string;
  unitId: string;
  roles: Role[];
  enabled: boolean;
}

/** Every person, disabled ones too: add one, change their name, unit or roles, enable or disable them. */
export function PeopleTab() {
  const { t } = useTranslation('organisation');
  const { t: c } = useTranslation();
  const unitName = useUnitName();
  const units = useUnits();
  const [unitFilter, setUnitFilter] = useState<string | undefined>();
  const people = useQuery({
    queryKey: ADMIN_PEOPLE,
    queryFn: ({ signal }) => ok(client.GET('/api/admin/people', { signal })),
  });
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const toggle = async (p: Person) => {
    setBusy(p.id);
    try {
      await ok(
        client.PATCH('/api/admin/people/{userId}', {
          params: { path: { userId: p.id } },
          body: { enabled: !p.enabled },
        }),
      );
      setError(null);
      await organisationChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="person-add">
          {t('people.add')}
        </Button>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 260 }}
          placeholder={t('people.filterUnit')}
          aria-label={t('people.filterUnit')}
          value={unitFilter}
          onChange={setUnitFilter}
          options={units.map((u) => ({ value: u.id, label: u.name }))}
        />
      </Space>
      <ErrorAlert error={error ?? people.error} onClose={error ? () => setError(null) : undefined} />
      <Table<Person>
        // Wider than a phone: the table scrolls inside its own box, never the page.
        scroll={{ x: 'max-content' }}
        rowKey="id"
        size="small"
        loading={people.isLoading}
        dataSource={(people.data ?? []).filter((p) => !unitFilter || p.unitId === unitFilter)}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        data-testid="people-table"
        columns={[
          { title: t('people.username'), dataIndex: 'username' },
          { title: t('people.displayName'), dataIndex: 'displayName' },
          { title: t('people.unit'), dataIndex: 'unitId', render: (id: string) => unitName(id) },
          {
            title: t('people.roles'),
            dataIndex: 'roles',
            render: (roles: string[]) => roles.map((r) => <Tag key={r}>{c(`role.${r}`, { defaultValue: r })}</Tag>),
          },
          {
            title: t('people.status'),
            dataIndex: 'enabled',
            render: (on: boolean) => (
              <Tag color={on ? 'green' : 'default'}>{on ? t('people.on') : t('people.off')}</Tag>
            ),
          },
          {
            key: 'actions',
            render: (_: unknown, p) => (
              <Space>
                <Button size="small" onClick={() => setEditing(p)} data-testid={`person-edit-${p.id}`}>
                  {t('people.edit')}
                </Button>
                <Button size="small" loading={busy === p.id} onClick={() => void toggle(p)}>
                  {p.enabled ? t('units.disable') : t('units.enable')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <PersonModal
          person={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void organisationChanged();
          }}
        />
      )}
    </Space>
  );
}

function PersonModal(props: { person: Person | null; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation('organisation');
  const { t: c } = useTranslation();
  const [form] = Form.useForm<PersonValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const roles = useOptionsOf('common', 'role');
  // People join enabled units only; a person's current unit stays listed while they are edited.
  const units = useUnits().filter((u) => u.enabled || u.id === props.person?.unitId);
  const p = props.person;

  const save = async (v: PersonValues) => {
    setBusy(true);
    try {
      const fields = { displayName: v.displayName, unitId: v.unitId, roles: v.roles, enabled: v.enabled };
      if (p) await ok(client.PATCH('/api/admin/people/{userId}', { params: { path: { userId: p.id } }, body: fields }));
      else {
        await ok(
          client.POST('/api/admin/people', { body: { username: v.username, password: v.password ?? '', ...fields } }),
        );
      }
      props.onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={p ? t('people.editTitle', { name: p.displayName }) : t('people.addTitle')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={c('save')}
      cancelText={c('cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'person-save' } as never}
      maskClosable={false}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form<PersonValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={p ? { ...p, roles: p.roles as Role[] } : { enabled: true, roles: [] }}
        data-testid="person-form"
      >
        <Form.Item
          name="username"
          label={t('people.username')}
          extra={t('people.usernameHint')}
          rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/ }]}
        >
          <Input disabled={!!p} autoComplete="off" />
        </Form.Item>
        {!p && (
          <Form.Item
            name="password"
            label={t('people.password')}
            extra={t('people.passwordHint')}
            rules={[{ required: true, min: 8, max: 200 }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t('people.displayName')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="unitId" label={t('people.unit')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('people.unit')}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="roles" label={t('people.roles')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('people.roles')}
            options={roles}
          />
        </Form.Item>
        <Form.Item name="enabled" label={t('people.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
