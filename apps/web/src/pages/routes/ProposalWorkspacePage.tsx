import { Button, Result, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DeadlineTag } from '../../components/DeadlineTag';
import { DraftingWorkspace } from '../proposal/DraftingWorkspace';
import { useProposal, useWorkspace } from '../proposal/hooks';

/** 拟稿工作台 of the signed-in user's unit (the lead unit, or a split unit) for one proposal. */
export default function ProposalWorkspacePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('proposal');
  const { t: c } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const { data, error, reload } = useProposal(id);
  const ws = useWorkspace(id, user?.unitId);
  const workspace = ws.data;
  const wsError = ws.error;

  const failure = error ?? wsError;
  if (failure instanceof ApiError && failure.status === 404) {
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
  if (!data || !workspace || !user) {
    return failure ? <ErrorAlert error={failure} /> : <Spin size="large" style={{ display: 'block', margin: 48 }} />;
  }
  // Editable exactly when the API allows the user to submit a draft; its deadline is their draft task's.
  const editable = data.detail.allowedActions.some((a) => a.action === 'submitDraft');
  const draftTask = data.detail.tasks.find((x) => x.unitId === user.unitId && x.kind === 'draft');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="workspace">
      <Space wrap align="center">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/proposals/${encodeURIComponent(id)}`)}>
          {t('backToDetail')}
        </Button>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('draft.title')}
        </Typography.Title>
        <Tag>{c(`stage.${data.detail.stage}`)}</Tag>
        {draftTask && <DeadlineTag dueAt={draftTask.dueAt} due={draftTask.due} />}
      </Space>
      <Typography.Text data-testid="workspace-title">
        {data.detail.sessionName} · {t('numberLabel', { number: data.detail.number })} · {data.detail.title}
      </Typography.Text>
      <DraftingWorkspace
        key={`${editable}`}
        detail={data.detail}
        workspace={workspace}
        opinions={data.detail.opinions}
        user={user}
        editable={editable}
        onSaved={reload}
      />
    </Space>
  );
}
