import { Alert, App, Button, Card, Empty, Select, Space, Spin, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  usePlan,
  usePolicy,
  useSetPolicy,
  useTransfer,
  useBatches,
  type BatchSummary,
  type Plan,
} from '../../api/assignments';
import { errorText } from '../../api/errors';
import { useMe, useOrgTree, useStaff } from '../../api/hooks';
import { isRmRole } from '../../api/types';
import { canConfigure } from '../../lib/access';
import { formatDateTime, formatInt } from '../../lib/format';
import { useIsMobile } from '../../lib/useIsMobile';
import { ErrorState } from '../shell/states';
import './assignments.css';

export const BATCH_STATUS_COLORS: Record<string, string> = {
  pending: 'gold',
  applied: 'green',
  rejected: 'red',
  empty: 'default',
};

/** 管户再分配: the batches of my subtree, plan for an org node, a leaving RM's transfer, the node's policy. */
export default function BatchesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const me = useMe().data;
  const tree = useOrgTree();
  const [orgId, setOrgId] = useState<string | undefined>(undefined);
  const node = orgId ?? me?.orgId;
  const [page, setPage] = useState(1);
  const batches = useBatches({ page, pageSize: 20 });
  const staff = useStaff({ orgId: me?.orgId }, { enabled: !!me });
  const plan = usePlan();
  const transfer = useTransfer();
  const [leaving, setLeaving] = useState<string | undefined>(undefined);

  const orgName = useMemo(() => {
    const m = new Map((tree.data ?? []).map((n) => [n.orgId, n.name]));
    return (id: string) => m.get(id) ?? id;
  }, [tree.data]);
  const staffName = useMemo(() => {
    const m = new Map((staff.data ?? []).map((s) => [s.staffId, s.name]));
    return (id: string) => m.get(id) ?? id;
  }, [staff.data]);
  const rms = (staff.data ?? []).filter((s) => isRmRole(s.role));

  const planned = (p: Plan) => {
    if (p.status === 'empty') void message.info(t('assign.plannedEmpty'));
    else if (p.applied > 0) void message.success(t('assign.plannedApplied', { n: p.applied }));
    else void message.success(t('assign.planned', { n: p.proposals.length }));
    if (p.status !== 'empty') void navigate(`/assignments/${encodeURIComponent(p.batchId)}`);
  };

  const counts = (c: Record<string, number>) =>
    t('assign.counts', { pending: c.pending ?? 0, applied: c.applied ?? 0, rejected: c.rejected ?? 0 });
  const status = (s: string) => <Tag color={BATCH_STATUS_COLORS[s]}>{t(`assignBatchStatus.${s}`)}</Tag>;
  const kind = (b: BatchSummary) =>
    b.kind === 'transfer' && b.fromStaffId
      ? t('assign.transferOf', { staff: staffName(b.fromStaffId) })
      : t(`assignBatchKind.${b.kind}`);

  const cols: TableColumnsType<BatchSummary> = [
    {
      key: 'id',
      title: 'ID',
      dataIndex: 'batchId',
      width: 150,
      ellipsis: true,
      render: (v: string) => (
        <Link to={`/assignments/${encodeURIComponent(v)}`} className="gh-mono" data-testid="batch-link">
          {v}
        </Link>
      ),
    },
    { key: 'status', title: t('assign.col.status'), dataIndex: 'status', width: 90, render: status },
    { key: 'kind', title: t('assign.col.kind'), width: 140, ellipsis: true, render: (_, b) => kind(b) },
    {
      key: 'org',
      title: t('assign.col.org'),
      dataIndex: 'orgId',
      width: 140,
      ellipsis: true,
      render: (v: string) => orgName(v),
    },
    { key: 'date', title: t('assign.col.date'), dataIndex: 'asOfDate', width: 104 },
    {
      key: 'covered',
      title: t('assign.col.covered'),
      width: 72,
      align: 'right',
      render: (_, b) => <span className="gh-num">{formatInt(b.objective.covered, lang)}</span>,
    },
    {
      key: 'counts',
      title: t('assign.col.counts'),
      dataIndex: 'counts',
      ellipsis: true,
      render: (c: Record<string, number>) => <span className="gh-small">{counts(c)}</span>,
    },
    {
      key: 'by',
      title: t('assign.col.createdBy'),
      dataIndex: 'createdBy',
      width: 100,
      ellipsis: true,
      render: (v: string) => staffName(v),
    },
    {
      key: 'at',
      title: t('assign.col.createdAt'),
      dataIndex: 'createdAt',
      width: 136,
      render: (v: string) => <span className="gh-nowrap">{formatDateTime(v)}</span>,
    },
  ];
  const width = cols.reduce((s, c) => s + Number(c.width ?? 0), 0) + 180;
  const rows = batches.data?.rows ?? [];

  return (
    <div className="gh-page" data-testid="assignments-page">
      <div className="gh-page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('assign.title')}
        </Typography.Title>
      </div>
      <div className="gh-assign-actions">
        <Card size="small" title={t('assign.plan')}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Select
              style={{ width: '100%' }}
              value={node}
              onChange={setOrgId}
              showSearch
              optionFilterProp="label"
              options={(tree.data ?? []).map((n) => ({
                value: n.orgId,
                label: `${n.name}（${t(`level.${n.level}`)}）`,
              }))}
              data-testid="plan-org"
            />
            <div className="gh-muted gh-small">{t('assign.planHint', { org: node ? orgName(node) : '' })}</div>
            <Button
              type="primary"
              loading={plan.isPending}
              onClick={() => plan.mutate({ orgId: node }, { onSuccess: planned })}
              data-testid="plan-run"
            >
              {t('assign.plan')}
            </Button>
            {plan.isError ? <Alert type="error" showIcon message={errorText(t, plan.error)} /> : null}
          </Space>
        </Card>
        <Card size="small" title={t('assign.transfer')}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Select
              style={{ width: '100%' }}
              placeholder={t('assign.transferPick')}
              value={leaving}
              onChange={setLeaving}
              showSearch
              optionFilterProp="label"
              options={rms.map((s) => ({ value: s.staffId, label: `${s.name} · ${t(`role.${s.role}`)}` }))}
              data-testid="transfer-rm"
            />
            <div className="gh-muted gh-small">{t('assign.transferHint')}</div>
            <Button
              disabled={!leaving}
              loading={transfer.isPending}
              onClick={() => leaving && transfer.mutate({ fromStaffId: leaving }, { onSuccess: planned })}
              data-testid="transfer-run"
            >
              {t('assign.transferStart')}
            </Button>
            {transfer.isError ? <Alert type="error" showIcon message={errorText(t, transfer.error)} /> : null}
          </Space>
        </Card>
        {node ? <PolicyCard orgId={node} orgName={orgName} /> : null}
      </div>
      <Card size="small" title={t('assign.batches')} styles={{ body: { padding: 8 } }}>
        {batches.isError ? (
          <ErrorState error={batches.error} onRetry={() => void batches.refetch()} compact />
        ) : isMobile ? (
          <Spin spinning={batches.isFetching && !batches.data}>
            <div className="gh-card-list">
              {rows.map((b) => (
                <Link
                  key={b.batchId}
                  to={`/assignments/${encodeURIComponent(b.batchId)}`}
                  className="gh-ccard"
                  data-testid="batch-link"
                >
                  <div className="gh-ccard-top">
                    <span className="gh-ccard-name gh-ellipsis">{kind(b)}</span>
                    {status(b.status)}
                    <span className="gh-ccard-aum gh-num">{formatInt(b.objective.covered, lang)}</span>
                  </div>
                  <div className="gh-ccard-sub">
                    <span className="gh-ellipsis">{orgName(b.orgId)}</span>
                    <span>{b.asOfDate}</span>
                  </div>
                  <div className="gh-ccard-sub">
                    <span className="gh-ellipsis">{counts(b.counts)}</span>
                    <span>{staffName(b.createdBy)}</span>
                  </div>
                </Link>
              ))}
              {!batches.isFetching && rows.length === 0 ? <Empty description={t('assign.empty')} /> : null}
            </div>
          </Spin>
        ) : (
          <Table<BatchSummary>
            data-testid="batches-table"
            rowKey="batchId"
            size="small"
            columns={cols}
            dataSource={rows}
            loading={batches.isFetching && !batches.data}
            tableLayout="fixed"
            scroll={{ x: width }}
            locale={{ emptyText: t('assign.empty') }}
            pagination={{
              current: page,
              pageSize: 20,
              total: batches.data?.total ?? 0,
              onChange: setPage,
              size: 'small',
              showSizeChanger: false,
            }}
          />
        )}
      </Card>
    </div>
  );
}

/** The node's policy; head office and admin change it (the API refuses the others), with a confirmation. */
function PolicyCard({ orgId, orgName }: { orgId: string; orgName: (id: string) => string }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const me = useMe().data;
  const policy = usePolicy(orgId);
  const save = useSetPolicy(orgId);
  const editable = !!me && canConfigure(me);
  const p = policy.data;
  const change = (auto: boolean) => {
    const mode = auto ? 'auto_apply' : 'approval';
    modal.confirm({
      title: t('assign.policy.confirm', { org: orgName(orgId), mode: t(`assignPolicyMode.${mode}`) }),
      content: t('assign.policy.confirmHint'),
      onOk: () =>
        save.mutateAsync(mode).then(
          () => void message.success(t('assign.policy.saved')),
          (e: unknown) => void message.error(errorText(t, e)),
        ),
    });
  };
  return (
    <Card size="small" title={t('assign.policy.title')} data-testid="policy-card">
      {policy.isError ? (
        <ErrorState error={policy.error} compact />
      ) : (
        <Space direction="vertical">
          <Space wrap>
            <span>{orgName(orgId)}</span>
            {p ? (
              <Tag color={p.mode === 'auto_apply' ? 'blue' : 'default'} data-testid="policy-mode">
                {t(`assignPolicyMode.${p.mode}`)}
              </Tag>
            ) : null}
            {p ? (
              <span className="gh-muted gh-small">
                {p.inheritedFrom
                  ? t('assign.policy.inherited', { org: orgName(p.inheritedFrom) })
                  : p.updatedAt
                    ? t('assign.policy.own')
                    : t('assign.policy.default')}
              </span>
            ) : null}
          </Space>
          <Space>
            <Switch
              checked={p?.mode === 'auto_apply'}
              disabled={!editable || !p}
              loading={save.isPending}
              onChange={change}
              data-testid="policy-switch"
            />
            <span>{t('assignPolicyMode.auto_apply')}</span>
          </Space>
          {!editable ? <span className="gh-muted gh-small">{t('assign.policy.readOnly')}</span> : null}
        </Space>
      )}
    </Card>
  );
}
