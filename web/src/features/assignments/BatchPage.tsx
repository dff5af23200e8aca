import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Form,
  Input,
  Modal,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  batchExportUrl,
  capacityStaff,
  staleCustomers,
  useBatch,
  useDecide,
  type BatchDetail,
  type ProposalRow,
  type UnassignedRow,
} from '../../api/assignments';
import { errorText } from '../../api/errors';
import { useOrgTree, useStaff } from '../../api/hooks';
import { formatDateTime, formatInt, formatPct } from '../../lib/format';
import { formatYuan } from '../../lib/money';
import { useIsMobile } from '../../lib/useIsMobile';
import { TierTag } from '../customers/tags';
import { ErrorState, Loading } from '../shell/states';
import { BATCH_STATUS_COLORS } from './BatchesPage';
import { explainText, fenToYuan } from './words';
import './assignments.css';

const PROPOSAL_COLORS: Record<string, string> = {
  pending: 'gold',
  approved: 'blue',
  applied: 'green',
  rejected: 'red',
  stale: 'default',
};
const PAGE_SIZE = 50;
/** below this the seven proposal columns do not fit beside the menu with the explanation readable: cards instead (phones, PADs) */
const NARROW = '(max-width: 1199.98px)';
const subscribe = (cb: () => void) => {
  const m = window.matchMedia(NARROW);
  m.addEventListener('change', cb);
  return () => m.removeEventListener('change', cb);
};
const useNarrow = () =>
  useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW).matches,
    () => false,
  );

/** One batch: its objective in words, the proposals with their explanations, approve / reject, export. */
export default function BatchPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const isMobile = useIsMobile();
  const narrow = useNarrow();
  const { message, modal } = App.useApp();
  const [page, setPage] = useState(1);
  const batch = useBatch(id, { page, pageSize: PAGE_SIZE });
  const decide = useDecide(id);
  const tree = useOrgTree();
  const staff = useStaff({});
  const [selected, setSelected] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  const orgName = useMemo(() => {
    const m = new Map((tree.data ?? []).map((n) => [n.orgId, n.name]));
    return (oid: string) => m.get(oid) ?? oid;
  }, [tree.data]);
  const staffName = useMemo(() => {
    const m = new Map((staff.data ?? []).map((s) => [s.staffId, s.name]));
    return (sid: string) => m.get(sid) ?? sid;
  }, [staff.data]);

  if (batch.isError) return <ErrorState error={batch.error} onRetry={() => void batch.refetch()} />;
  if (!batch.data) return <Loading />;
  const d: BatchDetail = batch.data;
  const b = d.batch;
  const pending = d.proposals.rows.filter((r) => r.status === 'pending');
  const canDecide = b.status === 'pending' && (b.counts.pending ?? 0) > 0;
  const chosen = selected.filter((c) => pending.some((p) => p.customerId === c));

  const approve = (customerIds?: string[]) =>
    decide.mutate(
      { action: 'approve', customerIds },
      {
        onSuccess: (r) => {
          setSelected([]);
          void message.success(t('assign.approved', { applied: r.applied ?? 0 }));
        },
      },
    );
  const approveAll = () =>
    modal.confirm({ title: t('assign.approveAll'), content: t('assign.approveAllConfirm'), onOk: () => approve() });
  const reject = (reason: string) =>
    decide.mutate(
      { action: 'reject', reason, customerIds: chosen },
      {
        onSuccess: (r) => {
          setSelected([]);
          setRejecting(false);
          form.resetFields();
          void message.success(t('assign.rejected', { n: r.rejected ?? chosen.length }));
        },
      },
    );

  const stale = decide.isError ? staleCustomers(decide.error) : null;
  const capacity = decide.isError ? capacityStaff(decide.error) : null;
  const o = b.objective;

  const words = (r: ProposalRow) => (
    <ul className="gh-assign-explain" data-testid="proposal-explain">
      {r.explanation.map((e, i) => (
        <li key={i}>{explainText(i18n, e, staffName)}</li>
      ))}
    </ul>
  );
  const pStatus = (r: ProposalRow) => (
    <Tag color={PROPOSAL_COLORS[r.status]} data-testid="proposal-status" title={r.rejectReason ?? undefined}>
      {t(`assignProposalStatus.${r.status}`)}
    </Tag>
  );
  const from = (r: ProposalRow) => r.fromStaffName ?? <span className="gh-muted">{t('assign.none')}</span>;

  const cols: TableColumnsType<ProposalRow> = [
    {
      key: 'customer',
      title: t('assign.col.customer'),
      width: 150,
      render: (_, r) => (
        <div>
          <div className="gh-ellipsis">
            {r.name} <TierTag tier={r.tier} short />
          </div>
          <div className="gh-mono gh-small gh-muted">{r.customerId}</div>
        </div>
      ),
    },
    { key: 'from', title: t('assign.col.from'), width: 96, ellipsis: true, render: (_, r) => from(r) },
    { key: 'to', title: t('assign.col.to'), dataIndex: 'toStaffName', width: 96, ellipsis: true },
    {
      key: 'reason',
      title: t('assign.col.reason'),
      dataIndex: 'reason',
      width: 100,
      render: (v: string) => t(`assign.reason.${v}`, { defaultValue: v }),
    },
    {
      key: 'locality',
      title: t('assign.col.locality'),
      dataIndex: 'locality',
      width: 88,
      render: (v: string) => t(`assign.locality.${v}`),
    },
    { key: 'explain', title: t('assign.col.explanation'), render: (_, r) => words(r) },
    { key: 'status', title: t('assign.col.status'), width: 112, render: (_, r) => pStatus(r) },
  ];
  const width = cols.reduce((s, c) => s + Number(c.width ?? 0), 0) + 48 + 260;

  const unassignedCols: TableColumnsType<UnassignedRow> = [
    { key: 'name', title: t('assign.col.customer'), dataIndex: 'name', width: 120, ellipsis: true },
    {
      key: 'id',
      title: 'ID',
      dataIndex: 'customerId',
      width: 120,
      render: (v: string) => <span className="gh-mono">{v}</span>,
    },
    {
      key: 'tier',
      title: t('assign.col.tier'),
      dataIndex: 'tier',
      width: 80,
      render: (v: ProposalRow['tier']) => <TierTag tier={v} short />,
    },
    {
      key: 'reason',
      title: t('assign.col.reason'),
      dataIndex: 'reason',
      render: (v: string) => t(`assign.unassignedReason.${v}`),
    },
  ];

  const stat = (label: string, value: string, testid?: string) => (
    <div className="gh-assign-stat" data-testid={testid}>
      <div className="gh-assign-stat-label">{label}</div>
      <div className="gh-assign-stat-value gh-num">{value}</div>
    </div>
  );

  return (
    <div className="gh-page" data-testid="batch-page" data-status={b.status}>
      <div className="gh-page-head">
        <Space wrap>
          <Link to="/assignments">
            <ArrowLeftOutlined /> {t('assign.back')}
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {b.kind === 'transfer' && b.fromStaffId
              ? t('assign.transferOf', { staff: staffName(b.fromStaffId) })
              : t(`assignBatchKind.${b.kind}`)}
          </Typography.Title>
          <Tag color={BATCH_STATUS_COLORS[b.status]} data-testid="batch-status">
            {t(`assignBatchStatus.${b.status}`)}
          </Tag>
        </Space>
        <Button icon={<DownloadOutlined />} href={batchExportUrl(b.batchId)} download data-testid="batch-export">
          {t('assign.export')}
        </Button>
      </div>
      <Card
        size="small"
        title={t('assign.objective.title')}
        extra={
          isMobile ? undefined : (
            <span className="gh-muted gh-small">
              {orgName(b.orgId)} · {b.asOfDate} · {staffName(b.createdBy)} · {formatDateTime(b.createdAt)}
            </span>
          )
        }
      >
        {isMobile ? (
          <div className="gh-muted gh-small" style={{ marginBottom: 8 }}>
            {orgName(b.orgId)} · {b.asOfDate} · {staffName(b.createdBy)} · {formatDateTime(b.createdAt)}
          </div>
        ) : null}
        <div className="gh-assign-objective" data-testid="batch-objective">
          {stat(t('assign.objective.covered'), formatInt(o.covered, lang), 'objective-covered')}
          {stat(t('assign.objective.aum'), formatYuan(fenToYuan(o.aumFen)), 'objective-aum')}
          {stat(t('assign.objective.outlet'), formatInt(o.locality.outlet, lang))}
          {stat(t('assign.objective.sub_branch'), formatInt(o.locality.sub_branch, lang))}
          {stat(t('assign.objective.branch'), formatInt(o.locality.branch, lang))}
          {stat(t('assign.objective.util'), formatPct(o.maxUtilisation * 100))}
          {o.meanScore !== null ? stat(t('assign.objective.score'), o.meanScore.toFixed(1)) : null}
        </div>
        <div className="gh-small gh-muted" style={{ marginTop: 8 }}>
          {t('assign.counts', {
            pending: b.counts.pending ?? 0,
            applied: b.counts.applied ?? 0,
            rejected: b.counts.rejected ?? 0,
          })}
        </div>
      </Card>
      <Card
        size="small"
        title={`${t('assign.proposals')} · ${formatInt(d.proposals.total, lang)}`}
        styles={{ body: { padding: 8 } }}
      >
        {canDecide ? (
          <div className="gh-assign-bar">
            <span className="gh-small gh-muted" data-testid="selected-count">
              {t('assign.selected', { n: chosen.length })}
            </span>
            <Button
              type="primary"
              disabled={!chosen.length}
              loading={decide.isPending}
              onClick={() => approve(chosen)}
              data-testid="approve-selected"
            >
              {t('assign.approveSelected')}
            </Button>
            <Button disabled={!chosen.length} danger onClick={() => setRejecting(true)} data-testid="reject-selected">
              {t('assign.rejectSelected')}
            </Button>
            <Button loading={decide.isPending} onClick={approveAll} data-testid="approve-all">
              {t('assign.approveAll')}
            </Button>
          </div>
        ) : null}
        {stale ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 8 }}
            data-testid="stale-alert"
            message={t('assign.stale')}
            description={
              <ul className="gh-assign-explain">
                {stale.map((c) => (
                  <li key={c.customerId}>
                    <span className="gh-mono">{c.customerId}</span>：
                    {c.changed.map((w) => t(`assign.changed.${w}`, { defaultValue: w })).join('、')}
                  </li>
                ))}
              </ul>
            }
          />
        ) : capacity ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 8 }}
            message={t('assign.capacity')}
            description={capacity
              .map((s) => t('assign.capacityStaff', { staff: staffName(s.staffId), load: s.load, cap: s.cap }))
              .join('；')}
          />
        ) : decide.isError ? (
          <Alert type="error" showIcon style={{ marginBottom: 8 }} message={errorText(t, decide.error)} />
        ) : null}
        {narrow ? (
          <Spin spinning={batch.isFetching}>
            <div className="gh-card-list">
              {d.proposals.rows.map((r) => (
                <div
                  key={r.customerId}
                  className="gh-assign-ccard"
                  data-testid="proposal-row"
                  data-customer-id={r.customerId}
                >
                  <div className="gh-ccard-top">
                    {canDecide && r.status === 'pending' ? (
                      <Checkbox
                        checked={selected.includes(r.customerId)}
                        onChange={(e) =>
                          setSelected((s) =>
                            e.target.checked ? [...s, r.customerId] : s.filter((c) => c !== r.customerId),
                          )
                        }
                        aria-label={r.customerId}
                      />
                    ) : null}
                    <span className="gh-ccard-name">{r.name}</span>
                    <TierTag tier={r.tier} short />
                    <span style={{ marginLeft: 'auto' }}>{pStatus(r)}</span>
                  </div>
                  <div className="gh-ccard-sub">
                    <span className="gh-ellipsis">
                      {from(r)} → <b>{r.toStaffName}</b>
                    </span>
                    <span>
                      {t(`assign.reason.${r.reason}`, { defaultValue: r.reason })} ·{' '}
                      {t(`assign.locality.${r.locality}`)}
                    </span>
                  </div>
                  {words(r)}
                </div>
              ))}
              {d.proposals.rows.length === 0 ? <Empty /> : null}
            </div>
          </Spin>
        ) : (
          <Table<ProposalRow>
            data-testid="proposals-table"
            rowKey="customerId"
            size="small"
            columns={cols}
            dataSource={d.proposals.rows}
            loading={batch.isFetching}
            tableLayout="fixed"
            scroll={{ x: width }}
            onRow={(r) =>
              ({ 'data-testid': 'proposal-row', 'data-customer-id': r.customerId }) as React.HTMLAttributes<HTMLElement>
            }
            rowSelection={
              canDecide
                ? {
                    selectedRowKeys: selected,
                    onChange: (keys) => setSelected(keys as string[]),
                    getCheckboxProps: (r) => ({ disabled: r.status !== 'pending' }),
                  }
                : undefined
            }
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: d.proposals.total,
              onChange: setPage,
              size: 'small',
              showSizeChanger: false,
            }}
          />
        )}
        {narrow && d.proposals.total > PAGE_SIZE ? (
          <Space style={{ marginTop: 8 }}>
            <Button disabled={page <= 1} onClick={() => setPage(page - 1)}>
              ‹
            </Button>
            <span className="gh-small">{page}</span>
            <Button disabled={page * PAGE_SIZE >= d.proposals.total} onClick={() => setPage(page + 1)}>
              ›
            </Button>
          </Space>
        ) : null}
      </Card>
      {d.unassigned.length ? (
        <Card
          size="small"
          title={t('assign.unassignedCount', { n: d.unassigned.length })}
          styles={{ body: { padding: 8 } }}
        >
          {isMobile ? (
            <div className="gh-card-list" data-testid="unassigned-list">
              {d.unassigned.map((u) => (
                <div key={u.customerId} className="gh-assign-ccard">
                  <div className="gh-ccard-top">
                    <span className="gh-ccard-name">{u.name}</span>
                    <TierTag tier={u.tier} short />
                    <span className="gh-mono gh-small" style={{ marginLeft: 'auto' }}>
                      {u.customerId}
                    </span>
                  </div>
                  <div className="gh-ccard-sub">{t(`assign.unassignedReason.${u.reason}`)}</div>
                </div>
              ))}
            </div>
          ) : (
            <Table<UnassignedRow>
              data-testid="unassigned-table"
              rowKey="customerId"
              size="small"
              columns={unassignedCols}
              dataSource={d.unassigned}
              tableLayout="fixed"
              pagination={{ pageSize: 20, size: 'small', showSizeChanger: false, hideOnSinglePage: true }}
            />
          )}
        </Card>
      ) : null}
      <Modal
        open={rejecting}
        title={t('assign.rejectTitle', { n: chosen.length })}
        okText={t('assign.rejectOk')}
        okButtonProps={{ danger: true, loading: decide.isPending, 'data-testid': 'reject-ok' } as ButtonProps}
        onCancel={() => setRejecting(false)}
        onOk={() => void form.validateFields().then((v) => reject(v.reason.trim()))}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={t('assign.rejectReason')}
            rules={[{ required: true, whitespace: true, message: t('assign.rejectReasonRequired') }, { max: 500 }]}
          >
            <Input.TextArea rows={3} maxLength={500} data-testid="reject-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
