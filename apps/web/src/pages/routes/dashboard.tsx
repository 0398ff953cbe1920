import { Alert, Button, Checkbox, Form, InputNumber, Select, Space, Tabs, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, download, ok } from '../../api/client';
import { sessionLabel, useSessions } from '../../api/sessions';
import { useUnits } from '../../api/units';
import { ErrorAlert } from '../../components/ErrorAlert';
import { countText } from '../../format';
import { useUrlState } from '../../components/useUrlState';
import { DeadlinesTable } from '../dashboard/DeadlinesTable';
import { ReminderModal } from '../dashboard/ReminderModal';
import { StatisticsSection } from '../dashboard/StatisticsSection';
import { CircularsSection } from '../dashboard/CircularsSection';
import { SUPERVISED_KINDS, SupervisedDeadline } from '../dashboard/types';

type State = 'overdue' | 'due-soon';

/**
 * The supervisors' view (督办): what is overdue and what falls due soon, who holds each up in
 * working days, 催办 to that unit; on-time and satisfaction rates per unit, with exports.
 */
export default function DashboardPage() {
  const { t, i18n } = useTranslation('dashboard');
  const { t: c } = useTranslation();
  const units = useUnits().filter((u) => u.kind === 'bureau');
  const { get, number, set } = useUrlState();
  const session = get('session');
  const unit = get('unit');
  const kind = get('kind');
  const keyOnly = get('keyOnly') === 'true';
  const heldBy = get('heldBy');
  // Without a chosen horizon, "due soon" is the API's (the deployment's due-soon threshold).
  const within = get('within') ? Math.min(120, Math.max(0, Number(get('within')) || 0)) : undefined;
  const tab: State = get('tab') === 'due-soon' ? 'due-soon' : 'overdue';
  const groupBy = get('groupBy') === 'session' ? 'session' : 'unit';
  const [reminding, setReminding] = useState<SupervisedDeadline | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const pages = {
    overdue: { page: number('opage', 1), pageSize: number('opageSize', 20) },
    'due-soon': { page: number('spage', 1), pageSize: number('spageSize', 20) },
  };
  const [op, ops, sp, sps] = [
    pages.overdue.page,
    pages.overdue.pageSize,
    pages['due-soon'].page,
    pages['due-soon'].pageSize,
  ];

  const query = (state: State, page: number, pageSize: number) => ({
    state,
    page,
    pageSize,
    ...(state === 'due-soon' && within !== undefined ? { withinWorkingDays: within } : {}),
    ...(session ? { session } : {}),
    ...(unit ? { unit } : {}),
    ...(kind ? { kind: kind as (typeof SUPERVISED_KINDS)[number] } : {}),
    ...(keyOnly ? { keyOnly: true } : {}),
    ...(heldBy ? { heldBy } : {}),
  });
  const [exportError, setExportError] = useState<unknown>(null);
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  /** The whole list of the open tab (or the progress of every open proposal) as a report file. */
  const exportList = async (what: State | 'progress', format: 'csv' | 'xlsx') => {
    try {
      await download(
        what === 'progress'
          ? client.GET('/api/supervision/proposals', {
              params: {
                query: {
                  format,
                  lang,
                  ...(session ? { session } : {}),
                  ...(unit ? { unit } : {}),
                  ...(keyOnly ? { keyOnly: true } : {}),
                },
              },
              parseAs: 'blob',
            })
          : client.GET('/api/supervision/deadlines', {
              params: { query: { ...query(what, 1, 20), format, lang } },
              parseAs: 'blob',
            }),
        `banli-${what}.${format}`,
      );
      setExportError(null);
    } catch (e) {
      setExportError(e);
    }
  };

  const deadlines = useQuery({
    queryKey: ['supervision', 'deadlines', { session, unit, kind, keyOnly, within, heldBy, op, ops, sp, sps }],
    queryFn: async ({ signal }) => {
      const [overdue, dueSoon] = await Promise.all([
        ok(client.GET('/api/supervision/deadlines', { params: { query: query('overdue', op, ops) }, signal })),
        ok(client.GET('/api/supervision/deadlines', { params: { query: query('due-soon', sp, sps) }, signal })),
      ]);
      return { overdue, 'due-soon': dueSoon };
    },
    placeholderData: keepPreviousData,
  });
  const lists = deadlines.data ?? { overdue: null, 'due-soon': null };
  const loading = deadlines.isFetching;
  const error = exportError ?? deadlines.error;
  const sessions = (useSessions().data ?? []).map((s) => ({ value: s.code, label: sessionLabel(s) }));

  const filter = (changes: Record<string, string | number>) => set({ ...changes, opage: '', spage: '' });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Form layout="inline" aria-label={t('filters')} style={{ rowGap: 8 }}>
        <Form.Item label={t('session')} htmlFor="dash-session">
          <Select
            id="dash-session"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('sessionPlaceholder')}
            style={{ width: 220 }}
            value={session || undefined}
            options={sessions}
            onChange={(v) => filter({ session: v ?? '' })}
          />
        </Form.Item>
        <Form.Item label={t('unit')} htmlFor="dash-unit">
          <Select
            id="dash-unit"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('unitPlaceholder')}
            style={{ width: 220 }}
            value={unit || undefined}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
            onChange={(v) => filter({ unit: v ?? '' })}
          />
        </Form.Item>
        <Form.Item label={t('kind')} htmlFor="dash-kind">
          <Select
            id="dash-kind"
            allowClear
            placeholder={t('kindPlaceholder')}
            style={{ width: 150 }}
            value={kind || undefined}
            options={SUPERVISED_KINDS.map((k) => ({ value: k, label: c(`deadlineKind.${k}`) }))}
            onChange={(v) => filter({ kind: v ?? '' })}
          />
        </Form.Item>
        <Form.Item label={t('within')} htmlFor="dash-within">
          <InputNumber
            id="dash-within"
            min={0}
            max={120}
            value={within ?? null}
            placeholder={t('withinDefault')}
            style={{ width: 90 }}
            onChange={(v) => filter({ within: typeof v === 'number' ? v : '' })}
          />
        </Form.Item>
        <Form.Item label={t('heldByFilter')} htmlFor="dash-held-by">
          <Select
            id="dash-held-by"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('heldByPlaceholder')}
            style={{ width: 220 }}
            value={heldBy || undefined}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
            onChange={(v) => filter({ heldBy: v ?? '' })}
          />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={keyOnly} onChange={(e) => filter({ keyOnly: e.target.checked ? 'true' : '' })}>
            {t('keyOnly')}
          </Checkbox>
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
      {sent && (
        <Alert
          type="success"
          showIcon
          closable
          role="status"
          onClose={() => setSent(null)}
          title={t('reminded', { unit: sent })}
          data-testid="reminder-sent"
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k === 'overdue' ? '' : k })}
        tabBarExtraContent={
          <Space wrap>
            <Button size="small" icon={<DownloadOutlined />} onClick={() => void exportList(tab, 'xlsx')}>
              {t('exportList')}
            </Button>
            <Button size="small" icon={<DownloadOutlined />} onClick={() => void exportList('progress', 'xlsx')}>
              {t('exportProgress')}
            </Button>
          </Space>
        }
        items={(['overdue', 'due-soon'] as const).map((state) => ({
          key: state,
          label:
            state === 'overdue'
              ? t('overdue', { n: countText(lists.overdue?.total ?? 0, lists.overdue?.totalCapped) })
              : within === undefined
                ? t('dueSoonDefault', { n: countText(lists['due-soon']?.total ?? 0, lists['due-soon']?.totalCapped) })
                : t('dueSoon', {
                    days: within,
                    n: countText(lists['due-soon']?.total ?? 0, lists['due-soon']?.totalCapped),
                  }),
          children: (
            <DeadlinesTable
              state={state}
              data={lists[state]}
              loading={loading}
              onRemind={setReminding}
              onPage={(p, s) =>
                state === 'overdue' ? set({ opage: p, opageSize: s }) : set({ spage: p, spageSize: s })
              }
            />
          ),
        }))}
      />
      <StatisticsSection
        session={session}
        groupBy={groupBy}
        onGroupBy={(g) => set({ groupBy: g === 'unit' ? '' : g })}
        onDrill={(key) => {
          filter(groupBy === 'unit' ? { unit: key } : { session: key });
          window.scrollTo({ top: 0, behavior: 'smooth' });
        }}
      />
      <CircularsSection />
      <ReminderModal
        deadline={reminding}
        onClose={(unitName) => {
          setReminding(null);
          if (unitName) setSent(unitName);
        }}
      />
    </Space>
  );
}
