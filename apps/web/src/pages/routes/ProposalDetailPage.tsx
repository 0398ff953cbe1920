import { Alert, App, Button, Col, Result, Row, Space, Spin, Tabs } from 'antd';
import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadFailed } from '../../components/LoadFailed';
import { taskPath } from '../../api/taskPath';
import { ActionPanels } from '../proposal/ActionPanels';
import { AuditTimeline } from '../proposal/AuditTimeline';
import { ContactsList } from '../proposal/ContactsList';
import { DeadlinesCard } from '../proposal/DeadlinesCard';
import { useProposal } from '../proposal/hooks';
import { LettersCard } from '../proposal/LettersCard';
import { SupervisionDocumentsCard } from '../proposal/SupervisionDocumentsCard';
import { OpinionsList } from '../proposal/OpinionsList';
import { ProposalContent, ProposalHeader } from '../proposal/ProposalHeader';
import type { PanelContext } from '../proposal/panels';
import { paren } from '../../format';

/** One proposal as its handlers see it all day: what it asks, who holds what, by when, and what to do. */
export default function ProposalDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('proposal');
  const { t: c } = useTranslation();
  const { t: pr } = useTranslation('print');
  const { user } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useProposal(id);

  if (error instanceof ApiError && error.status === 404) {
    return (
      <Result
        status="404"
        title={t('notFound')}
        subTitle={t('notFoundHint')}
        data-testid="proposal-not-found"
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('backToInbox')}
          </Button>
        }
      />
    );
  }
  if (!data || !user) {
    return error ? (
      <LoadFailed what="proposal" error={error} onRetry={reload} retrying={loading} />
    ) : (
      <Spin size="large" style={{ display: 'block', margin: 48 }} />
    );
  }

  // Actions done on another screen (立案 on the review list, 交办 on the assignment desk): the way there.
  const elsewhere = (['assign', 'review'] as const).filter((name) =>
    data.detail.allowedActions.some((a) => a.action === name),
  );

  const ctx: PanelContext = {
    detail: data.detail,
    events: data.events,
    user,
    done: async (text) => {
      void message.success(text);
      await reload();
    },
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="proposal-detail">
      <ErrorAlert error={error} />
      <ProposalHeader
        detail={data.detail}
        coHandlerUnitIds={data.detail.opinions.map((o) => o.unitId)}
        signatures={data.detail.signatures}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {elsewhere.map((a) => (
              <Alert
                key={a}
                type="info"
                showIcon
                data-testid={`go-to-${a}`}
                title={c(`goTo.${a}`)}
                action={
                  <Button
                    type="primary"
                    onClick={() =>
                      navigate(taskPath({ kind: a === 'assign' ? 'assign' : 'review-registration', proposalId: id }))
                    }
                  >
                    {c(`goTo.${a}Button`)}
                  </Button>
                }
              />
            ))}
            <ActionPanels key={data.detail.tasks.map((x) => x.id).join()} ctx={ctx} />
            <Tabs
              tabBarExtraContent={
                <Space size={4}>
                  <Button
                    icon={<PrinterOutlined />}
                    onClick={() => navigate(`/proposals/${encodeURIComponent(id)}/print`)}
                    data-testid="open-print"
                    aria-label={pr('open')}
                    title={pr('open')}
                  />
                  <Button icon={<ReloadOutlined />} onClick={() => void reload()} loading={loading}>
                    {t('reload')}
                  </Button>
                </Space>
              }
              items={[
                { key: 'content', label: t('tabs.content'), children: <ProposalContent detail={data.detail} /> },
                {
                  key: 'opinions',
                  label: `${t('tabs.opinions')}${paren(`${data.detail.opinions.filter((o) => o.status === 'submitted').length}/${data.detail.opinions.length}`, i18n.language)}`,
                  children: <OpinionsList detail={data.detail} opinions={data.detail.opinions} />,
                },
                {
                  key: 'contacts',
                  label: `${t('tabs.contacts')}${paren(data.detail.contacts.length, i18n.language)}`,
                  children: <ContactsList contacts={data.detail.contacts} />,
                },
                { key: 'timeline', label: t('tabs.timeline'), children: <AuditTimeline events={data.events} /> },
              ]}
            />
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <DeadlinesCard deadlines={data.detail.deadlines} />
            <LettersCard proposalId={data.detail.id} letters={data.letters} />
            <SupervisionDocumentsCard proposalId={data.detail.id} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
