import { Alert, Button, Checkbox, Progress, Space, Switch, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { HTMLAttributes, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError, client, idempotent, newIdempotencyKey, ok } from '../../api/client';
import { ErrorAlert, errorText } from '../../components/ErrorAlert';
import { proposalPath } from '../proposals/types';
import { ImportFileError, prepareImport, PreparedImport } from './import-file';
import { readText } from './read-text';
import { detailText, fieldLabel } from './row-errors';
import type { FileRowResult } from './types';
import { colon } from '../../format';

type Status = 'ready' | 'running' | 'paused' | 'stopped' | 'done';

interface Run {
  fileName: string;
  prepared: PreparedImport;
  /** One idempotency key per chunk, kept for the whole run: resuming re-sends a chunk with its key. */
  keys: string[];
  /** The next chunk to send. */
  next: number;
  results: FileRowResult[];
  status: Status;
  error: unknown;
  /** 导入即立案: the committee accepts each proposal as it registers it (one step each). */
  accept: boolean;
}

const STATUS_COLOURS = { created: 'green', unchanged: 'blue', failed: 'red' } as const;

/**
 * The session import: the file is checked and cut into chunks in the browser, the chunks go
 * one after the other (the progress bar counts rows the server has answered), and every row's
 * result is listed with its problems. Stopping, or an outage, pauses the run; resuming sends
 * the remaining chunks, the interrupted one with the same idempotency key.
 */
export function ImportPanel({ onImported }: { onImported?: () => void }) {
  const { t, i18n } = useTranslation('intake');
  const { t: c } = useTranslation();
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [run, setRun] = useState<Run | null>(null);
  const [onlyFailed, setOnlyFailed] = useState(false);
  const stopping = useRef(false);

  const choose = async (file: File) => {
    setFileProblem(null);
    setRun(null);
    setOnlyFailed(false);
    try {
      const prepared = prepareImport(file.name, await readText(file));
      setRun({
        fileName: file.name,
        prepared,
        keys: prepared.chunks.map(() => newIdempotencyKey()),
        next: 0,
        results: [],
        status: 'ready',
        error: null,
        accept: false,
      });
    } catch (e) {
      if (e instanceof ImportFileError) {
        const p = e.problem;
        const params: Record<string, unknown> = { ...p };
        if (p.code === 'csv-syntax') params['reason'] = t(`csvReasons.${p.reason}`);
        setFileProblem(t(`fileProblems.${p.code}`, params));
      } else setFileProblem(String((e as Error).message));
    }
  };

  const start = async (current: Run) => {
    stopping.current = false;
    const { prepared, keys } = current;
    let results = current.results;
    setRun({ ...current, status: 'running', error: null });
    for (let i = current.next; i < prepared.chunks.length; i++) {
      if (stopping.current) {
        setRun((r) => r && { ...r, status: 'stopped', next: i });
        return;
      }
      const chunk = prepared.chunks[i];
      const place = (row: number) => prepared.labels[chunk.offset + row - 1];
      try {
        const report = await ok(
          client.POST('/api/proposals/import', {
            params: { query: current.accept ? { accept: 'true' } : {} },
            // Sent as prepared (JSON or CSV text), not serialised again.
            body: chunk.body as never,
            bodySerializer: (body: unknown) => body,
            headers: { 'Content-Type': chunk.contentType, ...idempotent(keys[i]) },
          }),
        );
        results = [...results, ...report.rows.map((r) => ({ ...r, row: chunk.offset + r.row, ...place(r.row) }))];
      } catch (e) {
        // An outage (or no answer): pause here; resuming sends this chunk again with its key.
        if (!(e instanceof ApiError) || e.status === 0 || e.status >= 500 || e.status === 401) {
          setRun((r) => r && { ...r, results, status: 'paused', next: i, error: e });
          return;
        }
        // The server refused the chunk as a whole: its rows fail with that reason, the rest go on.
        results = [
          ...results,
          ...Array.from({ length: chunk.count }, (_, k) => ({
            row: chunk.offset + k + 1,
            status: 'failed' as const,
            error: { code: e.code, message: e.message, details: e.details },
            ...place(k + 1),
          })),
        ];
      }
      setRun((r) => r && { ...r, results, next: i + 1 });
    }
    setRun((r) => r && { ...r, results, status: 'done', next: prepared.chunks.length });
    onImported?.();
  };

  const done = run?.results.length ?? 0;
  const total = run?.prepared.total ?? 0;
  const count = (s: FileRowResult['status']) => run?.results.filter((r) => r.status === s).length ?? 0;
  const failedChunk = run && run.status === 'paused' ? run.prepared.chunks[run.next] : null;
  const rows = (run?.results ?? []).filter((r) => !onlyFailed || r.status === 'failed');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('import.intro')} />
      <Space wrap>
        <Upload
          accept=".csv,.json,.txt,text/csv,application/json"
          showUploadList={false}
          maxCount={1}
          disabled={run?.status === 'running'}
          beforeUpload={(file) => {
            void choose(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} aria-label={t('import.file')} disabled={run?.status === 'running'}>
            {run ? t('import.again') : t('import.choose')}
          </Button>
        </Upload>
        {run && (
          <Typography.Text data-testid="import-file-summary">
            {t('import.chosen', { name: run.fileName, total, chunks: run.prepared.chunks.length })}
          </Typography.Text>
        )}
      </Space>
      {fileProblem && (
        <Alert type="error" showIcon role="alert" title={fileProblem} data-testid="import-file-problem" />
      )}
      {run?.status === 'ready' && (
        <>
          <Table
            size="small"
            title={() => t('import.preview')}
            rowKey="line"
            pagination={false}
            dataSource={run.prepared.labels.slice(0, 5)}
            columns={[
              { title: t('import.number'), dataIndex: 'number', width: 160 },
              { title: t('import.proposalTitle'), dataIndex: 'title' },
            ]}
          />
          <Checkbox
            checked={run.accept}
            onChange={(e) => setRun({ ...run, accept: e.target.checked })}
            data-testid="import-accept"
          >
            {t('import.accept')}
          </Checkbox>
          <Button type="primary" onClick={() => void start(run)} data-testid="import-start">
            {t('import.start')}
          </Button>
        </>
      )}
      {run && run.status !== 'ready' && (
        <div>
          <Typography.Text id="import-progress-label">{t('import.progress')}</Typography.Text>
          <Progress
            percent={total ? Math.floor((done / total) * 100) : 0}
            status={run.status === 'paused' ? 'exception' : run.status === 'running' ? 'active' : undefined}
            aria-labelledby="import-progress-label"
            aria-valuenow={done}
            aria-valuemin={0}
            aria-valuemax={total}
          />
          <Space wrap>
            <Typography.Text data-testid="import-progress" data-done={done} data-total={total} aria-live="polite">
              {t('import.progressText', { done, total })}
            </Typography.Text>
            {run.status === 'running' && (
              <Button size="small" onClick={() => (stopping.current = true)}>
                {t('import.stop')}
              </Button>
            )}
            {(run.status === 'paused' || run.status === 'stopped') && (
              <Button size="small" type="primary" onClick={() => void start(run)}>
                {t('import.resume')}
              </Button>
            )}
          </Space>
        </div>
      )}
      {run?.status === 'stopped' && <Alert type="warning" showIcon title={t('import.stopped', { done, total })} />}
      {failedChunk && (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('import.failedChunk', {
              from: failedChunk.offset + 1,
              to: failedChunk.offset + failedChunk.count,
            })}
          />
          <ErrorAlert error={run?.error} />
        </>
      )}
      {run && run.results.length > 0 && (
        <>
          <Alert
            type={count('failed') ? 'warning' : 'success'}
            showIcon
            data-testid="import-summary"
            title={
              t('import.summary', {
                total: done,
                created: count('created'),
                unchanged: count('unchanged'),
                failed: count('failed'),
              }) +
              (run.accept ? t('import.acceptedSummary', { count: run.results.filter((r) => r.accepted).length }) : '')
            }
          />
          <Space>
            <Switch checked={onlyFailed} onChange={setOnlyFailed} id="only-failed" />
            <label htmlFor="only-failed">{t('import.onlyFailed')}</label>
          </Space>
          <Table<FileRowResult>
            size="small"
            rowKey="row"
            data-testid="import-results"
            dataSource={rows}
            pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (n) => c('total', { count: n }) }}
            scroll={{ x: 900 }}
            onRow={(r) => ({ 'data-status': r.status, 'data-row': r.row }) as HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: <span title={t('import.rowHint')}>{t('import.row')}</span>,
                dataIndex: 'row',
                width: 110,
                render: (row: number, r) => (
                  <Space orientation="vertical" size={0}>
                    <span>{row}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('import.line', { line: r.line })}
                    </Typography.Text>
                  </Space>
                ),
              },
              { title: t('import.number'), dataIndex: 'number', width: 120 },
              {
                title: t('import.proposalTitle'),
                key: 'title',
                render: (_, r) =>
                  r.proposalId && r.status !== 'failed' ? (
                    <Link to={proposalPath(r.proposalId)}>{r.title}</Link>
                  ) : (
                    r.title
                  ),
              },
              {
                title: t('import.status'),
                dataIndex: 'status',
                width: 100,
                render: (s: FileRowResult['status']) => (
                  <Tag color={STATUS_COLOURS[s]}>{t(`import.statuses.${s}`)}</Tag>
                ),
              },
              {
                title: t('import.error'),
                key: 'error',
                width: 380,
                render: (_, r) =>
                  r.error ? (
                    <Space orientation="vertical" size={0} data-testid="row-error" data-code={r.error.code}>
                      <Typography.Text type="danger">
                        {errorText(c, new ApiError(422, r.error.code, r.error.message))}
                      </Typography.Text>
                      {(r.error.details ?? []).map((d, i) => (
                        <span key={i}>
                          {d.field ? `${fieldLabel(t, d.field)}${colon(i18n.language)}` : ''}
                          {detailText(t, d)}
                        </span>
                      ))}
                      {!r.error.details?.length && r.error.code !== 'PROPOSAL_ALREADY_REGISTERED' && (
                        <Typography.Text type="secondary">{r.error.message}</Typography.Text>
                      )}
                    </Space>
                  ) : null,
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
