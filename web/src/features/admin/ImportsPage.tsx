import { Card, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBatchRuns, useImports, type BatchRun, type ImportFile } from '../../api/tiers';
import { formatDateTime, formatInt } from '../../lib/format';
import { ErrorState } from '../shell/states';
import { stepDetail, stepLabel } from './batch-detail';

const STATUS_COLORS: Record<string, string> = {
  loaded: 'green',
  unchanged: 'default',
  failed: 'red',
  running: 'processing',
  succeeded: 'green',
};

/** 数据导入: what the importer read, loaded and rejected, and how the nightly batches went. */
export default function ImportsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [page, setPage] = useState(1);
  const files = useImports({ page, pageSize: 20 });
  const runs = useBatchRuns();
  const status = (s: string) => <Tag color={STATUS_COLORS[s]}>{t(`imports.status.${s}`)}</Tag>;
  const n = (v: number) => <span className="gh-num">{formatInt(v, lang)}</span>;
  const ms = (v: number | null) =>
    v === null
      ? '—'
      : v >= 1000
        ? t('duration.elapsedS', { n: (v / 1000).toFixed(1) })
        : t('duration.elapsedMs', { n: formatInt(v, lang) });

  const fileCols: TableColumnsType<ImportFile> = [
    {
      key: 'file',
      title: t('imports.col.file'),
      dataIndex: 'fileName',
      render: (v) => <span className="gh-mono gh-nowrap">{v}</span>,
    },
    { key: 'kind', title: t('imports.col.kind'), dataIndex: 'kind', render: (v: string) => t(`importKind.${v}`) },
    { key: 'date', title: t('imports.col.businessDate'), dataIndex: 'businessDate', render: (v) => v ?? '—' },
    { key: 'status', title: t('imports.col.status'), dataIndex: 'status', render: status },
    { key: 'read', title: t('imports.col.read'), dataIndex: 'rowsRead', align: 'right', render: n },
    { key: 'loaded', title: t('imports.col.loaded'), dataIndex: 'rowsLoaded', align: 'right', render: n },
    {
      key: 'rejected',
      title: t('imports.col.rejected'),
      dataIndex: 'rowsRejected',
      align: 'right',
      render: (v: number) => (
        <span className={v > 0 ? 'gh-num gh-rejected' : 'gh-num gh-muted'} data-testid="import-rejected">
          {formatInt(v, lang)}
        </span>
      ),
    },
    { key: 'duration', title: t('imports.col.duration'), dataIndex: 'durationMs', align: 'right', render: ms },
    { key: 'enc', title: t('imports.col.encoding'), dataIndex: 'encoding' },
    {
      key: 'sum',
      title: t('imports.col.checksum'),
      dataIndex: 'checksum',
      render: (v) => <span className="gh-mono">{v}</span>,
    },
    { key: 'msg', title: t('imports.col.message'), dataIndex: 'message', ellipsis: true, render: (v) => v ?? '' },
    {
      key: 'at',
      title: t('imports.col.createdAt'),
      dataIndex: 'createdAt',
      render: (v) => <span className="gh-nowrap">{formatDateTime(v)}</span>,
    },
  ];
  const runCols: TableColumnsType<BatchRun> = [
    { key: 'date', title: t('imports.col.date'), dataIndex: 'businessDate' },
    { key: 'status', title: t('imports.col.status'), dataIndex: 'status', render: status },
    {
      key: 'steps',
      title: t('imports.col.steps'),
      dataIndex: 'steps',
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
      render: (v) => (v ? `v${v}` : '—'),
    },
    { key: 'start', title: t('imports.col.started'), dataIndex: 'startedAt', render: (v) => formatDateTime(v) },
    { key: 'end', title: t('imports.col.finished'), dataIndex: 'finishedAt', render: (v) => formatDateTime(v) },
    { key: 'msg', title: t('imports.col.message'), dataIndex: 'message', ellipsis: true, render: (v) => v ?? '' },
  ];

  return (
    <div className="gh-page">
      <div className="gh-page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('imports.title')}
        </Typography.Title>
      </div>
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
            loading={files.isFetching}
            scroll={{ x: 1200 }}
            locale={{ emptyText: t('imports.emptyFiles') }}
            onRow={(r) => ({ className: r.rowsRejected > 0 || r.status === 'failed' ? 'gh-row-warn' : undefined })}
            pagination={{
              current: page,
              pageSize: 20,
              total: files.data?.total ?? 0,
              onChange: setPage,
              size: 'small',
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
            loading={runs.isFetching}
            scroll={{ x: 900 }}
            locale={{ emptyText: t('imports.emptyRuns') }}
            pagination={false}
          />
        )}
      </Card>
    </div>
  );
}
