import { Button, Descriptions, Empty, Result, Space, Spin, Table, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { usePersonName } from '../../api/people';
import { useUnitName } from '../../api/units';
import { LoadFailed } from '../../components/LoadFailed';
import { useDisplayTitle } from '../../components/TitleText';
import { colon, formatDate, formatDateTime, Lang, paren } from '../../format';
import { describeEvent } from '../proposal/AuditTimeline';
import { ContactsList } from '../proposal/ContactsList';
import { DeadlineLine } from '../proposal/DeadlinesCard';
import { proposalPath, useProposal } from '../proposal/hooks';
import type { DeadlineView, Extension, Objection, ProposalEvent, UnitOpinion } from '../proposal/types';

/**
 * A4 print CSS: the app's header, menu and this page's buttons are not printed; sections keep
 * together where they can; tables repeat their header on each page.
 */
const PRINT_CSS = `
@page { size: A4; margin: 16mm 14mm; }
@media print {
  .ant-layout-header, .ant-layout-sider, .ant-drawer, .print-hide { display: none !important; }
  .ant-layout, .ant-layout-content { padding: 0 !important; margin: 0 !important; background: #fff !important; min-height: 0 !important; }
  .print-sheet { max-width: none !important; box-shadow: none !important; padding: 0 !important; border: 0 !important; }
  .print-sheet section { break-inside: avoid-page; }
  .print-sheet thead { display: table-header-group; }
  .print-sheet tr { break-inside: avoid; }
  body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
.print-sheet { background: #fff; max-width: 210mm; margin: 0 auto; padding: 16px 20px; border: 1px solid #f0f0f0; }
.print-sheet h2 { text-align: center; letter-spacing: 0.2em; }
.print-sheet section { margin-top: 16px; }
.print-sheet .ant-descriptions-item-label { width: 7em; }
`;

/** One part of the record, with its title; says so when there is nothing to record. */
function Part({ id, title, empty, children }: { id: string; title: string; empty?: string; children?: ReactNode }) {
  return (
    <section aria-labelledby={`print-${id}`} data-testid={`print-${id}`}>
      <Typography.Title level={5} id={`print-${id}`} style={{ marginBottom: 8 }}>
        {title}
      </Typography.Title>
      {children || <Typography.Text type="secondary">{empty}</Typography.Text>}
    </section>
  );
}

/**
 * 提案办理单: the proposal with its whole handling record, laid out for A4 printing: receipt,
 * assignment, units, deadlines and extensions, opinions, signatures with their document
 * numbers, ratings, objections, contacts, and the full audit trail (drafts, reviews, dispatch,
 * re-handling…). It reads what the proposal page reads, so only those who may see the
 * proposal see it (anyone else gets the API's 404).
 */
export default function ProposalPrintPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('print');
  const { t: p } = useTranslation('proposal');
  const { t: c } = useTranslation();
  const lang = i18n.language as Lang;
  const navigate = useNavigate();
  const unitName = useUnitName();
  const personName = usePersonName();
  const displayTitle = useDisplayTitle();
  const { data, error, loading, reload } = useProposal(id);

  if (error instanceof ApiError && error.status === 404) {
    return (
      <Result
        status="404"
        title={p('notFound')}
        subTitle={p('notFoundHint')}
        data-testid="proposal-not-found"
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {p('backToInbox')}
          </Button>
        }
      />
    );
  }
  if (!data) {
    return error ? (
      <LoadFailed what="proposal" error={error} onRetry={reload} retrying={loading} />
    ) : (
      <Spin size="large" style={{ display: 'block', margin: 48 }} />
    );
  }
  const { detail, events } = data;
  const sep = lang === 'en' ? ', ' : '、';
  const coUnits = detail.opinions.map((o) => o.unitId);
  const replying = detail.assignedUnitIds.filter((u) => !coUnits.includes(u));
  const at = (v: string | null | undefined) => (v ? formatDateTime(v, lang) : '—');
  const who = (by: string | undefined, unitId: string) =>
    by ? `${personName(by)} · ${unitName(unitId)}` : unitName(unitId);
  const deadlines = detail.deadlines.filter((d) => d.status !== 'cancelled');

  const basics = [
    { key: 'session', label: p('session'), children: detail.sessionName },
    { key: 'number', label: p('number'), children: detail.number },
    {
      key: 'proposers',
      label: p('proposers'),
      children: detail.proposers
        .map((x) => `${x.name}${x.lead && detail.proposers.length > 1 ? paren(p('leadProposer'), lang) : ''}`)
        .join(sep),
    },
    { key: 'received', label: p('receivedAt'), children: at(detail.receivedAt) },
    { key: 'stage', label: p('stage'), children: c(`stage.${detail.stage}`) },
    {
      key: 'key',
      label: c('keyProposal'),
      children: detail.keyProposal
        ? [
            t('yes'),
            ...(detail.keyLeaders?.length ? [p('keyLeaders', { names: detail.keyLeaders.join(sep) })] : []),
          ].join(' · ')
        : t('no'),
    },
    {
      key: 'lead',
      label: detail.leadUnitId ? p('leadUnit') : p('replyingUnits'),
      children: detail.leadUnitId ? unitName(detail.leadUnitId) : replying.map(unitName).join(sep) || '—',
    },
    { key: 'co', label: p('coUnits'), children: coUnits.map(unitName).join(sep) || '—' },
    ...detail.signatures.map((s) => ({
      key: `doc-${s.unitId}-${s.round}`,
      label: p('documentNumber'),
      children: <span data-testid="print-document-number">{s.documentNumber}</span>,
    })),
    { key: 'closed', label: t('closedAt'), children: at(detail.closedAt) },
  ];

  return (
    <div className="print-sheet" data-testid="print-sheet">
      <style>{PRINT_CSS}</style>
      <Space className="print-hide" wrap style={{ marginBottom: 12 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(proposalPath(detail.id))}>
          {p('backToDetail')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-button">
          {t('print')}
        </Button>
        <Typography.Text type="secondary">{t('hint')}</Typography.Text>
      </Space>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph style={{ textAlign: 'center' }} type="secondary">
        {t('printedAt', { at: formatDateTime(new Date().toISOString(), lang) })}
      </Typography.Paragraph>
      <Typography.Title level={4} style={{ overflowWrap: 'anywhere' }} data-testid="print-title">
        {displayTitle(detail.title)}
      </Typography.Title>
      <Descriptions bordered size="small" column={{ xs: 1, sm: 2 }} items={basics} data-testid="print-basics" />

      <Part id="points" title={p('points')}>
        <ol style={{ paddingInlineStart: 24, margin: 0 }}>
          {detail.suggestionPoints.map((x) => (
            <li key={x.seq}>{x.text}</li>
          ))}
        </ol>
      </Part>
      <Part id="body" title={p('body')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{detail.body}</Typography.Paragraph>
      </Part>

      <Part id="deadlines" title={p('deadlines.title')} empty={p('deadlines.none')}>
        {deadlines.length > 0 && (
          <Table<DeadlineView>
            size="small"
            bordered
            pagination={false}
            rowKey="key"
            dataSource={deadlines}
            columns={[
              { title: t('col.deadline'), key: 'kind', render: (_, d) => c(`deadlineKind.${d.kind}`) },
              { title: t('col.unit'), key: 'unit', render: (_, d) => unitName(d.unitId) },
              {
                title: t('col.due'),
                key: 'due',
                render: (_, d) => (
                  <Space wrap size={4}>
                    <DeadlineLine d={d} />
                    {d.extended && <span>{paren(p('deadlines.extended'), lang)}</span>}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Part>

      <Part id="extensions" title={t('extensions')} empty={t('none')}>
        {detail.extensions.length > 0 && (
          <Table<Extension>
            size="small"
            bordered
            pagination={false}
            rowKey="id"
            dataSource={detail.extensions}
            columns={[
              { title: t('col.at'), key: 'at', render: (_, x) => at(x.at) },
              { title: t('col.unit'), key: 'unit', render: (_, x) => who(x.by, x.unitId) },
              { title: t('col.requested'), key: 'end', render: (_, x) => formatDate(x.requestedEndDate, lang) },
              { title: t('col.reason'), dataIndex: 'reason', render: (r: string) => <Pre text={r} /> },
              { title: t('col.decision'), key: 'decision', render: (_, x) => decision(x.decided) },
            ]}
          />
        )}
      </Part>

      <Part id="objections" title={t('objections')} empty={t('none')}>
        {detail.objections.length > 0 && (
          <Table<Objection>
            size="small"
            bordered
            pagination={false}
            rowKey="id"
            dataSource={detail.objections}
            columns={[
              { title: t('col.at'), key: 'at', render: (_, x) => at(x.at) },
              { title: t('col.unit'), key: 'unit', render: (_, x) => who(x.by, x.unitId) },
              { title: t('col.reason'), dataIndex: 'reason', render: (r: string) => <Pre text={r} /> },
              { title: t('col.decision'), key: 'decision', render: (_, x) => decision(x.decided) },
            ]}
          />
        )}
      </Part>

      <Part id="opinions" title={p('tabs.opinions')} empty={p('opinions.none')}>
        {detail.opinions.length > 0 && (
          <Table<UnitOpinion>
            size="small"
            bordered
            pagination={false}
            rowKey="unitId"
            dataSource={detail.opinions}
            columns={[
              { title: t('col.unit'), key: 'unit', width: '22%', render: (_, o) => unitName(o.unitId) },
              {
                title: t('col.status'),
                key: 'status',
                width: '18%',
                render: (_, o) =>
                  [p(`opinions.status.${o.status}`), o.version ? p('opinions.version', { version: o.version }) : '']
                    .filter(Boolean)
                    .join(' · '),
              },
              { title: t('col.opinion'), key: 'text', render: (_, o) => <OpinionText o={o} /> },
            ]}
          />
        )}
      </Part>

      <Part id="signatures" title={t('signatures')} empty={t('notSigned')}>
        {detail.signatures.length > 0 && (
          <Table
            size="small"
            bordered
            pagination={false}
            rowKey={(s) => `${s.unitId}-${s.round}`}
            dataSource={detail.signatures}
            columns={[
              { title: t('col.unit'), key: 'unit', render: (_, s) => unitName(s.unitId) },
              { title: t('col.round'), dataIndex: 'round' },
              { title: p('documentNumber'), dataIndex: 'documentNumber' },
              { title: t('col.class'), dataIndex: 'replyClass' },
              { title: t('col.disclosure'), key: 'disclosure', render: (_, s) => p(`disclosure.${s.disclosure}`) },
              {
                title: t('col.signed'),
                key: 'signed',
                render: (_, s) => `${at(s.signedAt)} · ${personName(s.signedBy)}`,
              },
            ]}
          />
        )}
      </Part>

      <Part id="ratings" title={t('ratings')} empty={t('notRated')}>
        {detail.ratings.some((r) => r.ratings.length > 0) && (
          <Table
            size="small"
            bordered
            pagination={false}
            rowKey={(r) => `${r.unitId}-${r.round}-${r.proposer}`}
            dataSource={detail.ratings.flatMap((r) =>
              r.ratings.map((x) => ({ ...x, unitId: r.unitId, round: r.round })),
            )}
            columns={[
              { title: t('col.unit'), key: 'unit', render: (_, r) => unitName(r.unitId) },
              { title: t('col.round'), dataIndex: 'round' },
              { title: p('proposers'), dataIndex: 'proposer' },
              { title: t('col.rating'), key: 'rating', render: (_, r) => p(`rating.${r.rating}`) },
            ]}
          />
        )}
      </Part>

      <Part id="contacts" title={p('tabs.contacts')} empty={p('contacts.none')}>
        {detail.contacts.length > 0 && <ContactsList contacts={detail.contacts} />}
      </Part>

      <Part id="record" title={t('record')} empty={p('timeline.none')}>
        {events.length > 0 && (
          <Table<ProposalEvent>
            size="small"
            bordered
            pagination={false}
            rowKey="seq"
            dataSource={events}
            columns={[
              { title: t('col.at'), key: 'at', width: '24%', render: (_, e) => formatDateTime(e.at, lang) },
              {
                title: t('col.by'),
                key: 'by',
                width: '24%',
                render: (_, e) =>
                  `${e.actor ? `${e.actor.displayName} · ${unitName(e.actor.unitId)}` : p('timeline.system')}${
                    e.unitId && e.unitId !== e.actor?.unitId ? ` → ${unitName(e.unitId)}` : ''
                  }`,
              },
              {
                title: t('col.what'),
                key: 'what',
                render: (_, e) => (
                  <>
                    <Typography.Text strong>{p(`event.${e.type}`, { defaultValue: e.type })}</Typography.Text>
                    {describeEvent(e, p, c, unitName, lang).map((line, i) => (
                      <div key={i} style={{ whiteSpace: 'pre-wrap' }}>
                        {line}
                      </div>
                    ))}
                  </>
                ),
              },
            ]}
          />
        )}
      </Part>
      {events.length === 0 && detail.deadlines.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
    </div>
  );

  function decision(d: { decision: string; reason: string; at: string; by?: string } | undefined): ReactNode {
    if (!d) return t('pending');
    return (
      <>
        {t(`decision.${d.decision}`)} · {at(d.at)}
        {d.by ? ` · ${personName(d.by)}` : ''}
        {d.reason && <Pre text={d.reason} />}
      </>
    );
  }
}

function Pre({ text }: { text: string }) {
  return <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text}</div>;
}

/** A co-handler's opinion: when it was submitted, its summary and each point's adoption and text; or why there is none. */
function OpinionText({ o }: { o: UnitOpinion }) {
  const { t, i18n } = useTranslation('proposal');
  const lang = i18n.language as Lang;
  if (o.points.length === 0 && !o.summary) {
    return o.waiver ? (
      <Pre text={`${t('opinions.waived')}${colon(lang)}${o.waiver.reason}`} />
    ) : (
      <span>{t('opinions.notYet')}</span>
    );
  }
  return (
    <>
      {o.submittedAt && <div>{`${t('opinions.submittedAt')}${colon(lang)}${formatDateTime(o.submittedAt, lang)}`}</div>}
      {o.summary && <Pre text={o.summary} />}
      {o.points.map((x) => (
        <div key={x.seq}>
          {t('pointN', { seq: x.seq })} · {t(`adoption.${x.adoption}`)}
          <Pre text={x.text} />
        </div>
      ))}
      {o.returns.map((r, i) => (
        <Pre key={i} text={`${t('opinions.returned')}${colon(lang)}${r.reason}`} />
      ))}
    </>
  );
}
