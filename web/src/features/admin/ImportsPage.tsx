import { InboxOutlined, DownloadOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Progress, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import type { TableColumnsType, UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client';
import {
  rejectsUrl,
  usePipelineJobs,
  useRunBatch,
  useUploadImport,
  type JobFile,
  type PipelineJob,
} from '../../api/ingest';
import { useBatchRuns, useImports, type BatchRun, type ImportFile } from '../../api/tiers';
import { formatDateTime, formatInt } from '../../lib/format';
import { IMPORT_KINDS } from '../../../../src/domain/enums';
import { ErrorState } from '../shell/states';
import { stepDetail, stepLabel } from './batch-detail';
import { rejectCause, rejectColumn, rejectReason } from './reject-reason';

const STATUS_COLORS: Record<string, string> = {
  loaded: 'green',
  unchanged: 'default',
  failed: 'red',
  running: 'processing',
  succeeded: 'green',
};

/** the same rule as the server's (src/features/ingest/file-name.ts), to warn before uploading */
const CONTRACT_NAME = new RegExp(`^(${IMPORT_KINDS.join('|')})(_\\d{8})?\\.csv$`, 'i');

type Reason = ImportFile['topReasons'][number];

/** 数据导入: upload the day's files, follow the import, download rejects, run the nightly batch. */
export default function ImportsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const files = useImports({ page, pageSize: 20 });
  const runs = useBatchRuns();
  const jobs = usePipelineJobs();
  const upload = useUploadImport();
  const batch = useRunBatch();
  const [picked, setPicked] = useState<UploadFile[]>([]);
  const [batchDate, setBatchDate] = useState<Dayjs | null>(null);

  const running = jobs.data?.find((j) => j.status === 'running');
  const lastImport = jobs.data?.find((j) => j.kind === 'import');
  const lastBatch = jobs.data?.find((j) => j.kind === 'batch');

  // when a job finishes (seen running or not: a small one can start and end between two polls),
  // the history tables have new rows
  const seenDone = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!jobs.data) return;
    const done = jobs.data.filter((j) => j.status !== 'running').map((j) => j.id);
    if (seenDone.current === null) {
      seenDone.current = new Set(done);
      return;
    }
    const fresh = done.filter((id) => !seenDone.current!.has(id));
    if (!fresh.length) return;
    for (const id of fresh) seenDone.current.add(id);
    void qc.invalidateQueries({ queryKey: ['admin'] });
  }, [jobs.data, qc]);

  const status = (s: string) => <Tag color={STATUS_COLORS[s]}>{t(`imports.status.${s}`)}</Tag>;
  const n = (v: number) => <span className="gh-num">{formatInt(v, lang)}</span>;
  const ms = (v: number | null) =>
    v === null
      ? '—'
      : v >= 1000
        ? t('duration.elapsedS', { n: (v / 1000).toFixed(1) })
        : t('duration.elapsedMs', { n: formatInt(v, lang) });
  const rejected = (v: number) => (
    <span className={v > 0 ? 'gh-num gh-rejected' : 'gh-num gh-muted'} data-testid="import-rejected">
      {formatInt(v, lang)}
    </span>
  );
  const reasons = (list: Reason[], message: string | null) => (
    <div className="gh-import-reasons">
      {message ? <div className="gh-rejected">{message}</div> : null}
      {list.map((r, i) => {
        const reason = rejectReason(i18n, r.reason);
        const column = rejectColumn(i18n, r.column);
        const cause = r.cause === undefined ? undefined : rejectCause(i18n, r.cause);
        return (
          <div key={i} className="gh-ellipsis" title={cause ?? `${column}: ${reason}`} data-testid="import-reason">
            <span className="gh-num">{formatInt(r.count, lang)}</span>{' '}
            {r.value !== undefined ? (
              <Tooltip title={cause}>
                {reason} <span className="gh-mono">{r.value}</span>
              </Tooltip>
            ) : (
              <>
                <span className="gh-mono">{column}</span>: {reason}
              </>
            )}
          </div>
        );
      })}
      {!message && list.length === 0 ? <span className="gh-muted">—</span> : null}
    </div>
  );
  const download = (id: number | null, available: boolean) =>
    id !== null && available ? (
      <a href={rejectsUrl(id)} download data-testid="import-rejects-download">
        <DownloadOutlined /> {t('ingestWeb.rejects')}
      </a>
    ) : (
      <span className="gh-muted">—</span>
    );

  const fileCols: TableColumnsType<ImportFile> = [
    {
      key: 'file',
      title: t('imports.col.file'),
      dataIndex: 'fileName',
      width: 220,
      ellipsis: true,
      render: (v: string) => (
        <span className="gh-mono" title={v} data-testid="import-file-name">
          {v}
        </span>
      ),
    },
    {
      key: 'kind',
      title: t('imports.col.kind'),
      dataIndex: 'kind',
      width: 84,
      render: (v: string) => t(`importKind.${v}`),
    },
    {
      key: 'date',
      title: t('imports.col.businessDate'),
      dataIndex: 'businessDate',
      width: 100,
      render: (v) => v ?? '—',
    },
    { key: 'status', title: t('imports.col.status'), dataIndex: 'status', width: 80, render: status },
    { key: 'read', title: t('imports.col.read'), dataIndex: 'rowsRead', align: 'right', width: 84, render: n },
    { key: 'loaded', title: t('imports.col.loaded'), dataIndex: 'rowsLoaded', align: 'right', width: 84, render: n },
    {
      key: 'rejected',
      title: t('imports.col.rejected'),
      dataIndex: 'rowsRejected',
      align: 'right',
      width: 64,
      render: rejected,
    },
    {
      key: 'reasons',
      title: t('ingestWeb.topReasons'),
      dataIndex: 'topReasons',

      render: (v: Reason[], r) => reasons(v, r.status === 'failed' ? r.message : null),
    },
    {
      key: 'at',
      title: t('imports.col.createdAt'),
      dataIndex: 'createdAt',
      width: 132,
      render: (v) => <span className="gh-nowrap">{formatDateTime(v)}</span>,
    },
    {
      key: 'dl',
      title: t('ingestWeb.rejectsCol'),
      width: 84,
      render: (_, r) => download(r.id, r.rejectsAvailable),
    },
  ];
  // fixed widths, the reasons take the rest (at least 200px); narrower screens scroll the table, not the page
  const fileWidth = fileCols.reduce((s, c) => s + Number(c.width ?? 0), 0) + 48 + 200;

  const jobCols: TableColumnsType<JobFile> = [
    {
      key: 'file',
      title: t('imports.col.file'),
      dataIndex: 'file',
      width: 200,
      ellipsis: true,
      render: (v: string) => <span className="gh-mono">{v}</span>,
    },
    { key: 'status', title: t('imports.col.status'), dataIndex: 'status', width: 80, render: status },
    { key: 'read', title: t('imports.col.read'), dataIndex: 'read', align: 'right', width: 84, render: n },
    { key: 'loaded', title: t('imports.col.loaded'), dataIndex: 'loaded', align: 'right', width: 84, render: n },
    {
      key: 'rejected',
      title: t('imports.col.rejected'),
      dataIndex: 'rejected',
      align: 'right',
      width: 64,
      render: rejected,
    },
    {
      key: 'reasons',
      title: t('ingestWeb.topReasons'),
      dataIndex: 'topReasons',

      render: (v: Reason[], r) => reasons(v, r.message),
    },
    {
      key: 'dl',
      title: t('ingestWeb.rejectsCol'),
      width: 84,
      render: (_, r) => download(r.importFileId, r.rejectsAvailable),
    },
  ];

  const runCols: TableColumnsType<BatchRun> = [
    { key: 'date', title: t('imports.col.date'), dataIndex: 'businessDate', width: 108 },
    { key: 'status', title: t('imports.col.status'), dataIndex: 'status', width: 88, render: status },
    {
      key: 'steps',
      title: t('imports.col.steps'),
      dataIndex: 'steps',
      width: 420,
      render: (steps: BatchRun['steps']) => (
        <div className="gh-steps">
          {steps.map((s) => (
            <span key={s.name} className="gh-step" data-testid={`batch-step-${s.name}`}>
              <b>{stepLabel(i18n, s.name)}</b> {s.rows === null ? '' : formatInt(s.rows, lang)} · {ms(s.ms)}
              {stepDetail(i18n, s) ? <span className="gh-step-detail">{stepDetail(i18n, s)}</span> : null}
            </span>
          ))}
        </div>
      ),
    },
    {
      key: 'v',
      title: t('imports.col.settingsVersion'),
      dataIndex: 'settingsVersion',
      width: 80,
      render: (v) => (v ? `v${v}` : '—'),
    },
    {
      key: 'start',
      title: t('imports.col.started'),
      dataIndex: 'startedAt',
      width: 140,
      render: (v) => formatDateTime(v),
    },
    {
      key: 'end',
      title: t('imports.col.finished'),
      dataIndex: 'finishedAt',
      width: 140,
      render: (v) => formatDateTime(v),
    },
    {
      key: 'msg',
      title: t('imports.col.message'),
      dataIndex: 'message',
      width: 200,
      ellipsis: true,
      render: (v) => v ?? '',
    },
  ];
  const runWidth = runCols.reduce((s, c) => s + Number(c.width ?? 0), 0);

  const badNames = picked.map((f) => f.name).filter((name) => !CONTRACT_NAME.test(name));
  const errorText = (e: unknown) => {
    if (!isApiError(e)) return e instanceof Error ? e.message : String(e);
    const d = (e.details ?? {}) as { reason?: string; files?: string[]; maxMb?: number };
    if (e.status === 403) return t('common.forbidden');
    if (e.status === 0) return t('common.errorNetwork');
    if (d.reason && i18n.exists(`ingestWeb.error.${d.reason}`))
      return t(`ingestWeb.error.${d.reason}`, { files: (d.files ?? []).join('、'), maxMb: d.maxMb });
    return e.message;
  };

  const startUpload = () => {
    const list = picked.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
    upload.mutate(list, { onSuccess: () => setPicked([]) });
  };

  /** a finished batch says in the user's language what it did; a failure keeps the server's words */
  const jobMessage = (j: PipelineJob): string | null => {
    if (j.kind !== 'batch' || j.status !== 'succeeded') return j.message;
    return j.dates.length ? t('ingestWeb.batchRan', { dates: j.dates.join('、') }) : t('ingestWeb.batchNothing');
  };
  const progress = (j: PipelineJob) => (j.total > 0 ? Math.min(100, Math.round((j.done / j.total) * 100)) : 0);
  const jobState = (j: PipelineJob) => (
    <div className="gh-import-job" data-testid={`job-${j.kind}`} data-status={j.status}>
      <Space wrap size={8}>
        {status(j.status)}
        <span className="gh-muted gh-small">
          {t('ingestWeb.startedBy', { user: j.startedBy, at: formatDateTime(j.startedAt) })}
        </span>
      </Space>
      <Progress
        percent={j.status === 'running' ? progress(j) : 100}
        status={j.status === 'failed' ? 'exception' : j.status === 'running' ? 'active' : 'success'}
        data-testid={`job-progress-${j.kind}`}
      />
      {j.status === 'running' ? (
        <div className="gh-muted gh-small">
          {j.kind === 'import'
            ? t('ingestWeb.importing', {
                phase: j.phase ?? '',
                done: formatInt(j.done, lang),
                total: formatInt(j.total, lang),
              })
            : t('ingestWeb.batching', { phase: j.phase ?? '', done: j.done, total: j.total })}
        </div>
      ) : null}
      {jobMessage(j) ? (
        <Alert
          type={j.status === 'failed' ? 'error' : 'info'}
          showIcon
          message={jobMessage(j)}
          data-testid={`job-message-${j.kind}`}
        />
      ) : null}
      {j.kind === 'batch' && j.steps.length ? (
        <div className="gh-steps">
          {j.steps.map((s) => (
            <span key={`${s.date}-${s.name}`} className="gh-step">
              <b>{s.date}</b> {stepLabel(i18n, s.name)} {s.rows === null ? '' : formatInt(s.rows, lang)} · {ms(s.ms)}
            </span>
          ))}
        </div>
      ) : null}
    </div>
  );

  return (
    <div className="gh-page">
      <div className="gh-page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('imports.title')}
        </Typography.Title>
      </div>
      <div className="gh-import-actions">
        <Card size="small" title={t('ingestWeb.uploadTitle')} data-testid="import-upload">
          <Upload.Dragger
            multiple
            accept=".csv"
            fileList={picked}
            beforeUpload={() => false}
            onChange={(info) => setPicked(info.fileList)}
            disabled={!!running || upload.isPending}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('ingestWeb.dropHint')}</p>
            <p className="ant-upload-hint">{t('ingestWeb.nameHint')}</p>
          </Upload.Dragger>
          {badNames.length ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 8 }}
              message={t('ingestWeb.error.bad_file_name', { files: badNames.join('、') })}
            />
          ) : null}
          {upload.isError ? (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 8 }}
              message={errorText(upload.error)}
              data-testid="import-error"
            />
          ) : null}
          <Button
            type="primary"
            style={{ marginTop: 8 }}
            disabled={!picked.length || badNames.length > 0 || !!running}
            loading={upload.isPending}
            onClick={startUpload}
            data-testid="import-start"
          >
            {picked.length ? t('ingestWeb.start', { count: picked.length }) : t('ingestWeb.startNone')}
          </Button>
          {lastImport ? <div style={{ marginTop: 12 }}>{jobState(lastImport)}</div> : null}
        </Card>
        <Card size="small" title={t('ingestWeb.batchTitle')} data-testid="batch-panel">
          <Space wrap>
            <DatePicker
              value={batchDate}
              onChange={setBatchDate}
              placeholder={t('ingestWeb.batchDateAll')}
              data-testid="batch-date"
            />
            <Button
              icon={<PlayCircleOutlined />}
              disabled={!!running}
              loading={batch.isPending}
              onClick={() => batch.mutate(batchDate ? batchDate.format('YYYY-MM-DD') : undefined)}
              data-testid="batch-run"
            >
              {t('ingestWeb.runBatch')}
            </Button>
          </Space>
          <div className="gh-muted gh-small" style={{ marginTop: 8 }}>
            {t('ingestWeb.batchHint')}
          </div>
          {batch.isError ? (
            <Alert type="error" showIcon style={{ marginTop: 8 }} message={errorText(batch.error)} />
          ) : null}
          {running ? <Alert type="info" showIcon style={{ marginTop: 8 }} message={t('ingestWeb.busy')} /> : null}
          {lastBatch ? <div style={{ marginTop: 12 }}>{jobState(lastBatch)}</div> : null}
        </Card>
      </div>
      {lastImport && lastImport.files.length ? (
        <Card size="small" title={t('ingestWeb.results')} styles={{ body: { padding: 8 } }}>
          <Table<JobFile>
            data-testid="import-job-files"
            rowKey="file"
            size="small"
            columns={jobCols}
            dataSource={lastImport.files}
            tableLayout="fixed"
            scroll={{ x: jobCols.reduce((s, c) => s + Number(c.width ?? 0), 0) + 240 }}
            pagination={false}
          />
        </Card>
      ) : null}
      <Card size="small" title={t('imports.files')} styles={{ body: { padding: 8 } }}>
        {files.isError ? (
          <ErrorState error={files.error} onRetry={() => void files.refetch()} compact />
        ) : (
          <Table<ImportFile>
            data-testid="imports-table"
            rowKey="id"
            size="small"
            columns={fileCols}
            dataSource={files.data?.items ?? []}
            loading={files.isFetching && !files.data}
            tableLayout="fixed"
            scroll={{ x: fileWidth }}
            locale={{ emptyText: t('imports.emptyFiles') }}
            onRow={(r) =>
              ({
                className: r.rowsRejected > 0 || r.status === 'failed' ? 'gh-row-warn' : undefined,
                'data-testid': 'import-row',
              }) as React.HTMLAttributes<HTMLElement>
            }
            expandable={{
              expandedRowRender: (r) => (
                <div className="gh-small gh-import-detail">
                  <span>
                    {t('imports.col.encoding')}: {r.encoding}
                  </span>
                  <span>
                    {t('imports.col.checksum')}: <span className="gh-mono">{r.checksum}</span>
                  </span>
                  <span>
                    {t('imports.col.duration')}: {ms(r.durationMs)}
                  </span>
                  <span>
                    {t('ingestWeb.run')}: <span className="gh-mono">{r.runId}</span>
                  </span>
                  {r.message ? (
                    <span>
                      {t('imports.col.message')}: {r.message}
                    </span>
                  ) : null}
                </div>
              ),
            }}
            pagination={{
              current: page,
              pageSize: 20,
              total: files.data?.total ?? 0,
              onChange: setPage,
              size: 'small',
              showSizeChanger: false,
            }}
          />
        )}
      </Card>
      <Card size="small" title={t('imports.runs')} styles={{ body: { padding: 8 } }}>
        {runs.isError ? (
          <ErrorState error={runs.error} onRetry={() => void runs.refetch()} compact />
        ) : (
          <Table<BatchRun>
            data-testid="batch-runs-table"
            rowKey="runId"
            size="small"
            columns={runCols}
            dataSource={runs.data ?? []}
            loading={runs.isFetching && !runs.data}
            tableLayout="fixed"
            scroll={{ x: runWidth }}
            locale={{ emptyText: t('imports.emptyRuns') }}
            pagination={false}
          />
        )}
      </Card>
    </div>
  );
}
