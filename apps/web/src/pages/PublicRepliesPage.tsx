import { Button, Card, Form, Grid, Input, Layout, List, Result, Space, Spin, Tag, Typography } from 'antd';
import { FilePdfOutlined, LoginOutlined } from '@ant-design/icons';
import { ReactNode, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError, client, ok, Schemas } from '../api/client';
import { LoadFailed } from '../components/LoadFailed';
import { TitleText, useDisplayTitle } from '../components/TitleText';
import { useUrlState } from '../components/useUrlState';
import { formatDate, Lang } from '../format';
import { Language, setLanguage } from '../i18n';

type PublicReply = Schemas['PublicReplyResponse'];

const replyPath = (r: Pick<PublicReply, 'proposalId' | 'unitId' | 'round'>) =>
  `/public/replies/${encodeURIComponent(r.proposalId)}/${encodeURIComponent(r.unitId)}/${r.round}`;

/** The frame of the public pages: the title, the language, the way to staff sign-in. */
function PublicFrame({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation('public');
  const narrow = Grid.useBreakpoint().md === false;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 12, paddingInline: narrow ? 12 : 24 }}>
        <Link to="/public" style={{ flex: 1, minWidth: 0 }}>
          <Typography.Title level={4} style={{ color: '#fff', margin: 0 }} ellipsis>
            {t('title')}
          </Typography.Title>
        </Link>
        {(['zh-CN', 'en'] as Language[])
          .filter((l) => l !== i18n.language)
          .map((l) => (
            <Button key={l} type="text" style={{ color: '#fff' }} onClick={() => setLanguage(l)}>
              {l === 'en' ? 'English' : '中文'}
            </Button>
          ))}
        <Link to="/login">
          <Button icon={<LoginOutlined />} aria-label={t('signIn')}>
            {narrow ? null : t('signIn')}
          </Button>
        </Link>
      </Layout.Header>
      <Layout.Content style={{ padding: narrow ? 12 : 24, maxWidth: 1100, width: '100%', margin: '0 auto' }}>
        {children}
      </Layout.Content>
    </Layout>
  );
}

/**
 * 主动公开: the replies the units published, for anyone, without signing in (GET
 * /api/public/replies): by session through the API, and a finder among the page's replies.
 */
export function PublicRepliesPage() {
  const { t, i18n } = useTranslation('public');
  const { t: c } = useTranslation();
  const displayTitle = useDisplayTitle();
  const { get, number, set } = useUrlState();
  const session = get('session');
  const page = number('page', 1);
  const pageSize = number('pageSize', 20);
  const [find, setFind] = useState('');
  const [form] = Form.useForm<{ session?: string }>();
  const replies = useQuery({
    queryKey: ['public-replies', { session, page, pageSize }],
    queryFn: ({ signal }) =>
      ok(
        client.GET('/api/public/replies', {
          params: { query: { page, pageSize, ...(session ? { session } : {}) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const words = find.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const items = (replies.data?.items ?? []).filter((r) => {
    const text = [displayTitle(r.title), r.number, r.unitName, r.documentNumber, r.sessionName].join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });
  const empty = words.length ? t('emptyFilter') : session ? t('emptySession') : t('empty');

  return (
    <PublicFrame>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('intro')}
        </Typography.Paragraph>
        <Form
          form={form}
          layout="inline"
          role="search"
          initialValues={{ session }}
          onFinish={(v) => set({ session: v.session?.trim() ?? '', page: '' })}
          style={{ rowGap: 8 }}
        >
          <Form.Item name="session" label={t('session')}>
            <Input allowClear maxLength={32} placeholder={t('sessionPlaceholder')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {c('search')}
            </Button>
          </Form.Item>
        </Form>
        <Input.Search
          allowClear
          value={find}
          onChange={(e) => setFind(e.target.value)}
          placeholder={t('filterPlaceholder')}
          aria-label={t('filter')}
          style={{ maxWidth: 420 }}
          data-testid="public-find"
        />
        <Typography.Text type="secondary">{t('filterHint')}</Typography.Text>
        {replies.error ? (
          <LoadFailed
            what="publicReplies"
            error={replies.error}
            onRetry={() => replies.refetch()}
            retrying={replies.isFetching}
          />
        ) : (
          <List<PublicReply>
            data-testid="public-replies"
            loading={replies.isFetching}
            dataSource={items}
            locale={{ emptyText: replies.data ? empty : ' ' }}
            pagination={
              (replies.data?.total ?? 0) > pageSize
                ? {
                    current: page,
                    pageSize,
                    total: replies.data?.total ?? 0,
                    onChange: (p, s) => set({ page: p, pageSize: s }),
                  }
                : false
            }
            renderItem={(r) => (
              <List.Item data-testid="public-reply" style={{ display: 'block' }}>
                <Space orientation="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
                  <Link to={replyPath(r)} style={{ display: 'inline-flex', maxWidth: '100%', minWidth: 0 }}>
                    <TitleText text={r.title} strong />
                  </Link>
                  <Typography.Text type="secondary" ellipsis={{ tooltip: true }} style={{ maxWidth: '100%' }}>
                    {r.sessionName} · {t('number', { number: r.number })} · {r.unitName}
                  </Typography.Text>
                  <Space wrap size={4}>
                    <Tag>{r.documentNumber}</Tag>
                    <Typography.Text type="secondary">
                      {t('publishedAt')} {formatDate(r.publishedAt, i18n.language as Lang)}
                    </Typography.Text>
                  </Space>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Space>
    </PublicFrame>
  );
}

/** One published reply: the letter's text as signed, and its PDF. */
export function PublicReplyPage() {
  const { t, i18n } = useTranslation('public');
  const { proposalId = '', unitId = '', round = '' } = useParams();
  const reply = useQuery({
    queryKey: ['public-reply', proposalId, unitId, round],
    queryFn: ({ signal }) =>
      ok(
        client.GET('/api/public/replies/{proposalId}/{unitId}/{round}', {
          params: { path: { proposalId, unitId, round: Number(round) } },
          signal,
        }),
      ),
    retry: false,
  });
  const back = (
    <Link to="/public">
      <Button>{t('back')}</Button>
    </Link>
  );
  let body: ReactNode;
  if (reply.error instanceof ApiError && reply.error.status === 404) {
    body = <Result status="404" title={t('notFound')} subTitle={t('notFoundHint')} extra={back} />;
  } else if (reply.error) {
    body = (
      <LoadFailed
        what="publicReplies"
        error={reply.error}
        onRetry={() => reply.refetch()}
        retrying={reply.isFetching}
      />
    );
  } else if (!reply.data) {
    body = <Spin size="large" style={{ display: 'block', margin: 48 }} />;
  } else {
    const r = reply.data;
    body = (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {back}
        <Card
          data-testid="public-letter"
          title={<TitleText text={r.title} />}
          extra={
            <Button icon={<FilePdfOutlined />} href={`/api${replyPath(r)}/letter.pdf`} target="_blank">
              {t('pdf')}
            </Button>
          }
        >
          <Typography.Paragraph type="secondary">
            {r.sessionName} · {t('number', { number: r.number })} · {r.unitName} · {t('documentNumber')}{' '}
            {r.documentNumber} · {t('publishedAt')} {formatDate(r.publishedAt, i18n.language as Lang)}
          </Typography.Paragraph>
          {r.lines.map((line, i) => (
            <Typography.Paragraph
              key={i}
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: '0 0 8px' }}
            >
              {line}
            </Typography.Paragraph>
          ))}
          {r.pdfSha256 && (
            <Typography.Paragraph type="secondary" data-testid="public-letter-sha256" style={{ marginTop: 16 }}>
              {t('sha256')}
              <Typography.Text code copyable style={{ overflowWrap: 'anywhere' }}>
                {r.pdfSha256}
              </Typography.Text>
              <br />
              {t('sha256Hint')}
            </Typography.Paragraph>
          )}
        </Card>
      </Space>
    );
  }
  return <PublicFrame>{body}</PublicFrame>;
}
