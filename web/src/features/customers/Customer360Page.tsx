import {
  ArrowLeftOutlined,
  CalendarOutlined,
  EyeOutlined,
  MessageOutlined,
  PhoneOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  VideoCameraOutlined,
  WarningOutlined,
  WechatOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Result,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { ButtonProps, DescriptionsProps, TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { isApiError, isNotFound } from '../../api/client';
import { useCustomer, useReveal } from '../../api/hooks';
import type { Channel, Contact, Customer360, Holding, RevealResult } from '../../api/types';
import { daysUntil, formatDate, formatDateTime } from '../../lib/format';
import { formatYuan } from '../../lib/money';
import { useIsMobile } from '../../lib/useIsMobile';
import { ErrorState, Loading } from '../shell/states';
import { BandTag, TierTag } from './tags';

const AllocationChart = lazy(() => import('./charts').then((m) => ({ default: m.AllocationChart })));
const AumHistoryChart = lazy(() => import('./charts').then((m) => ({ default: m.AumHistoryChart })));

const CHANNEL_ICONS: Record<Channel, ReactNode> = {
  phone: <PhoneOutlined />,
  visit: <TeamOutlined />,
  wechat: <WechatOutlined />,
  sms: <MessageOutlined />,
  video: <VideoCameraOutlined />,
  event: <CalendarOutlined />,
};

function useDuration() {
  const { t } = useTranslation();
  return (sec: number | null): string | null => {
    if (sec === null || sec === undefined) return null;
    const m = Math.floor(sec / 60);
    const s = sec % 60;
    return m > 0 ? t('duration.ms', { m, s }) : t('duration.s', { s });
  };
}

/** Translates a server code (reason, tag, category…) when we know it, otherwise shows it as is. */
function useCodeText() {
  const { t } = useTranslation();
  return (ns: string, code: string | null | undefined): string =>
    code ? t(`${ns}.${code}`, { defaultValue: code }) : '';
}

function RevealModal({
  id,
  open,
  onClose,
  onRevealed,
}: {
  id: string;
  open: boolean;
  onClose: () => void;
  onRevealed: (r: RevealResult) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useReveal(id);
  const err = reveal.error;
  const errText = err
    ? isApiError(err) && err.status === 403
      ? t('c360.revealForbidden')
      : t('c360.revealFailed', { message: (err as Error).message })
    : null;

  const submit = async () => {
    if (reveal.isPending) return;
    const { reason } = await form.validateFields();
    reveal.mutate(reason.trim(), {
      onSuccess: (r) => {
        onRevealed(r);
        form.resetFields();
        onClose();
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('c360.revealTitle')}
      okText={t('c360.revealOk')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => {
        reveal.reset();
        onClose();
      }}
      confirmLoading={reveal.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'reveal-confirm' } as ButtonProps}
    >
      <Typography.Paragraph type="secondary">{t('c360.revealIntro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="reason"
          label={t('c360.revealReason')}
          rules={[
            { required: true, whitespace: true, message: t('c360.reasonRequired') },
            {
              validator: (_r, v: string | undefined) => {
                const n = (v ?? '').trim().length;
                return n === 0 || (n >= 2 && n <= 200)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('c360.reasonLength')));
              },
            },
          ]}
        >
          <Input
            data-testid="reveal-reason"
            name="reason"
            maxLength={200}
            showCount
            placeholder={t('c360.revealReasonPlaceholder')}
            autoFocus
            onPressEnter={(e) => {
              e.preventDefault();
              void submit().catch(() => undefined);
            }}
          />
        </Form.Item>
      </Form>
      {errText && <Alert type="error" showIcon title={<span data-testid="reveal-error">{errText}</span>} />}
    </Modal>
  );
}

function HeaderCard({ c }: { c: Customer360 }) {
  const { t } = useTranslation();
  const code = useCodeText();
  const [revealed, setRevealed] = useState<RevealResult | null>(null);
  const [open, setOpen] = useState(false);
  const name = revealed?.name ?? c.name;
  const phone = revealed?.phone ?? c.phone;
  const idNumber = revealed?.idNumber ?? c.idNumber;

  const risk = c.riskLevel ? (
    <Space size={4} wrap>
      <Tag color={c.riskExpired ? 'red' : 'geekblue'}>{c.riskLevel}</Tag>
      {c.riskExpired && (
        <Tag color="error" icon={<WarningOutlined />} data-testid="risk-expired">
          {t('c360.riskExpired')}
        </Tag>
      )}
      {c.riskAssessedOn && (
        <span className="gh-muted">{t('c360.riskAssessedOn', { date: formatDate(c.riskAssessedOn) })}</span>
      )}
    </Space>
  ) : (
    <Tag color="warning">{t('c360.riskNone')}</Tag>
  );

  const items: DescriptionsProps['items'] = [
    { key: 'no', label: t('c360.customerNo'), children: <span className="gh-mono">{c.customerId}</span> },
    {
      key: 'phone',
      label: t('c360.phone'),
      children: (
        <span data-testid="c360-phone" className="gh-mono">
          {phone}
        </span>
      ),
    },
    {
      key: 'id',
      label: t('c360.idNumber'),
      children: (
        <span data-testid="c360-id-number" className="gh-mono">
          {idNumber}
        </span>
      ),
    },
    { key: 'org', label: t('c360.org'), children: c.orgName },
    { key: 'open', label: t('c360.openDate'), children: formatDate(c.openDate) },
    { key: 'risk', label: t('c360.riskLevel'), children: risk },
    {
      key: 'rm',
      label: t('c360.rm'),
      children: c.rm ? (
        <span>
          {c.rm.name} <span className="gh-muted">· {t(`role.${c.rm.role}`)}</span>
        </span>
      ) : (
        <Tag color={c.tier === 'mass' ? 'default' : 'red'}>{t('c360.noRm')}</Tag>
      ),
    },
    {
      key: 'tags',
      label: t('c360.tags'),
      children: c.tags.length ? (
        <Space size={[4, 4]} wrap>
          {c.tags.map((tag) => (
            <Tag key={tag}>{code('tag', tag)}</Tag>
          ))}
        </Space>
      ) : (
        <span className="gh-muted">—</span>
      ),
    },
  ];

  return (
    <Card className="gh-c360-head">
      <div className="gh-c360-title">
        <div className="gh-c360-name-row">
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="c360-name">
            {name}
          </Typography.Title>
          <Space size={[6, 6]} wrap>
            <TierTag tier={c.tier} />
            <BandTag band={c.band} />
            {c.senior && (
              <Tag color="magenta" icon={<SafetyCertificateOutlined />} data-testid="c360-senior">
                {t('c360.senior')}
              </Tag>
            )}
            {(c.gender || c.age !== null) && (
              <span className="gh-muted">
                {[c.gender ? t(`gender.${c.gender}`) : null, c.age !== null ? t('c360.age', { age: c.age }) : null]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            )}
          </Space>
        </div>
        {c.canReveal && !revealed && (
          <Button data-testid="reveal-button" icon={<EyeOutlined />} onClick={() => setOpen(true)}>
            {t('c360.reveal')}
          </Button>
        )}
      </div>
      {revealed && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={<span data-testid="reveal-notice">{t('c360.revealed')}</span>}
        />
      )}
      <Row gutter={[16, 12]} className="gh-c360-stats">
        <Col xs={12} md={8}>
          <Statistic title={t('c360.aum')} value={formatYuan(c.aum)} />
          {c.aumAsOf && <div className="gh-muted gh-small">{t('c360.asOf', { date: formatDate(c.aumAsOf) })}</div>}
        </Col>
        <Col xs={12} md={8}>
          <Statistic title={t('c360.monthAvgAum')} value={formatYuan(c.monthAvgAum)} />
          {c.tierSince && (
            <div className="gh-muted gh-small">
              {t(`tier.${c.tier}`)} · {t('c360.tierSince', { date: formatDate(c.tierSince) })}
            </div>
          )}
        </Col>
      </Row>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} className="gh-c360-desc" />
      <RevealModal id={c.customerId} open={open} onClose={() => setOpen(false)} onRevealed={setRevealed} />
    </Card>
  );
}

function HoldingsCard({ c }: { c: Customer360 }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const code = useCodeText();
  const maturity = (d: string | null) => {
    if (!d) return <span className="gh-muted">—</span>;
    const days = daysUntil(d);
    return (
      <Space size={4} wrap>
        <span>{formatDate(d)}</span>
        {days >= 0 && days <= 30 && (
          <Tag color="orange">{days === 0 ? t('c360.maturesToday') : t('c360.maturesIn', { days })}</Tag>
        )}
      </Space>
    );
  };
  const columns: TableColumnsType<Holding> = [
    {
      key: 'product',
      title: t('c360.col.product'),
      dataIndex: 'productName',
      render: (v: string, h) => (
        <div>
          <div>{v}</div>
          <div className="gh-muted gh-small gh-mono">{h.productId}</div>
        </div>
      ),
    },
    {
      key: 'category',
      title: t('c360.col.category'),
      dataIndex: 'category',
      render: (v: string) => code('category', v),
    },
    {
      key: 'class',
      title: t('c360.col.assetClass'),
      dataIndex: 'assetClass',
      render: (v: string) => t(`assetClass.${v}`),
    },
    { key: 'risk', title: t('c360.col.risk'), dataIndex: 'riskRating', render: (v: string) => <Tag>{v}</Tag> },
    {
      key: 'balance',
      title: t('c360.col.balance'),
      dataIndex: 'balance',
      align: 'right',
      render: (v: string) => <span className="gh-num">{formatYuan(v)}</span>,
    },
    { key: 'maturity', title: t('c360.col.maturity'), dataIndex: 'maturityDate', render: maturity },
  ];
  return (
    <Card title={t('c360.holdings')} size="small">
      {c.holdings.length === 0 ? (
        <Empty description={t('c360.holdingsEmpty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : isMobile ? (
        <div className="gh-holding-list">
          {c.holdings.map((h) => (
            <div key={h.accountId + h.productId} className="gh-holding">
              <div className="gh-holding-top">
                <span className="gh-ellipsis">{h.productName}</span>
                <span className="gh-num">{formatYuan(h.balance)}</span>
              </div>
              <div className="gh-holding-sub">
                <Space size={4} wrap>
                  <Tag>{t(`assetClass.${h.assetClass}`)}</Tag>
                  <Tag>{h.riskRating}</Tag>
                  <span className="gh-muted">{code('category', h.category)}</span>
                </Space>
                {h.maturityDate && maturity(h.maturityDate)}
              </div>
            </div>
          ))}
        </div>
      ) : (
        <Table<Holding>
          rowKey={(h) => h.accountId + h.productId}
          size="small"
          columns={columns}
          dataSource={c.holdings}
          pagination={false}
          scroll={{ x: 720 }}
        />
      )}
    </Card>
  );
}

function ContactsCard({ contacts }: { contacts: Contact[] }) {
  const { t } = useTranslation();
  const dur = useDuration();
  const code = useCodeText();
  return (
    <Card title={t('c360.contacts')} size="small" data-testid="c360-contacts">
      {contacts.length === 0 ? (
        <Empty description={t('c360.contactsEmpty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          className="gh-timeline"
          items={contacts.map((c) => ({
            key: String(c.contactId),
            color: c.valid ? 'green' : 'gray',
            icon: (
              <span
                className={c.valid ? 'gh-tl-icon gh-tl-valid' : 'gh-tl-icon'}
                aria-label={t(`channel.${c.channel}`, { defaultValue: c.channel })}
              >
                {CHANNEL_ICONS[c.channel] ?? <MessageOutlined />}
              </span>
            ),
            content: (
              <div className="gh-contact" data-testid="contact-item">
                <div className="gh-contact-head">
                  <strong>{t(`channel.${c.channel}`, { defaultValue: c.channel })}</strong>
                  <span className="gh-muted">{formatDateTime(c.startedAt)}</span>
                  {dur(c.durationSeconds) && <span className="gh-muted">{dur(c.durationSeconds)}</span>}
                  <Tag color={c.valid ? 'success' : 'default'}>{c.valid ? t('c360.valid') : t('c360.invalid')}</Tag>
                  {c.connected === false && <Tag color="warning">{t('c360.notConnected')}</Tag>}
                </div>
                {c.outcome && <div>{code('outcome', c.outcome)}</div>}
                <div className="gh-contact-foot">
                  {c.topics.map((tp) => (
                    <Tag key={tp} variant="filled" color="processing">
                      {code('topic', tp)}
                    </Tag>
                  ))}
                  <span className="gh-muted gh-small">{t('c360.by', { name: c.staffName })}</span>
                </div>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}

function RmCard({ c }: { c: Customer360 }) {
  const { t } = useTranslation();
  const code = useCodeText();
  return (
    <Card title={t('c360.rmHistory')} size="small" data-testid="c360-rm">
      {c.rm ? (
        <div className="gh-rm-current">
          <div>
            <strong>{c.rm.name}</strong> <span className="gh-muted">· {t(`role.${c.rm.role}`)}</span>
          </div>
          <div className="gh-muted gh-small">
            {c.rm.orgName} · {t('c360.rmSince', { date: formatDate(c.rm.since) })}
          </div>
        </div>
      ) : (
        <Alert
          type={c.tier === 'mass' ? 'info' : 'warning'}
          showIcon
          title={t('c360.noRm')}
          style={{ marginBottom: 12 }}
        />
      )}
      {c.rmHistory.length > 0 && (
        <Timeline
          className="gh-timeline"
          items={c.rmHistory.map((h, i) => ({
            key: `${h.staffId}-${h.startedOn}-${i}`,
            color: h.endedOn ? 'gray' : 'blue',
            content: (
              <div>
                <div>
                  <strong>{h.name}</strong> <span className="gh-muted gh-mono gh-small">{h.staffId}</span>
                  {!h.endedOn && (
                    <Tag color="blue" style={{ marginInlineStart: 6 }}>
                      {t('c360.current')}
                    </Tag>
                  )}
                </div>
                <div className="gh-muted gh-small">
                  {formatDate(h.startedOn)} → {h.endedOn ? formatDate(h.endedOn) : t('c360.current')}
                  {h.endReason ? ` · ${code('reason', h.endReason)}` : ''}
                </div>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}

function TierHistoryCard({ c }: { c: Customer360 }) {
  const { t } = useTranslation();
  const code = useCodeText();
  const rows = [...c.tierHistory].sort((a, b) => b.changedOn.localeCompare(a.changedOn));
  return (
    <Card title={t('c360.tierHistory')} size="small" data-testid="c360-tier-history">
      {rows.length === 0 ? (
        <Empty description={t('c360.tierHistoryEmpty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          className="gh-timeline"
          items={rows.map((h, i) => ({
            key: `${h.changedOn}-${i}`,
            color: h.fromTier && tierRank(h.toTier) < tierRank(h.fromTier) ? 'red' : 'green',
            content: (
              <div>
                <Space size={4} wrap>
                  <span className="gh-muted">{formatDate(h.changedOn)}</span>
                  {h.fromTier ? <TierTag tier={h.fromTier} short /> : null}
                  {h.fromTier ? <span>→</span> : null}
                  <TierTag tier={h.toTier} short />
                </Space>
                <div className="gh-muted gh-small">{code('reason', h.reason)}</div>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}

const TIER_RANK = { mass: 0, premium: 1, affluent: 2, wealth: 3, private: 4 } as const;
const tierRank = (x: keyof typeof TIER_RANK) => TIER_RANK[x];

function ChartFallback() {
  return <div style={{ height: 260 }} />;
}

export default function Customer360Page() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const q = useCustomer(id);

  const back = (
    <div>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        style={{ paddingInline: 0 }}
        onClick={() => (location.key !== 'default' ? void navigate(-1) : void navigate('/customers'))}
      >
        {t('c360.back')}
      </Button>
    </div>
  );

  if (q.isPending) return <Loading />;
  if (q.isError) {
    if (isNotFound(q.error)) {
      return (
        <Result
          data-testid="not-found"
          status="404"
          title={t('notFound.customerTitle')}
          subTitle={t('notFound.customerDesc')}
          extra={
            <Link to="/customers">
              <Button type="primary">{t('notFound.backList')}</Button>
            </Link>
          }
        />
      );
    }
    return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  }
  const c = q.data;

  return (
    <div className="gh-page" data-testid="customer-360" data-customer-id={c.customerId}>
      {back}
      <HeaderCard key={c.customerId} c={c} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('c360.holdingsByClass')} size="small">
            {c.holdingsByClass.length === 0 ? (
              <Empty description={t('c360.holdingsEmpty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <Suspense fallback={<ChartFallback />}>
                <AllocationChart data={c.holdingsByClass} />
              </Suspense>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('c360.aumHistory')} size="small">
            {c.aumHistory.length === 0 ? (
              <Empty description={t('c360.noHistory')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <Suspense fallback={<ChartFallback />}>
                <AumHistoryChart data={c.aumHistory} />
              </Suspense>
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <HoldingsCard c={c} />
        </Col>
        <Col xs={24} lg={14}>
          <ContactsCard contacts={c.contacts} />
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <RmCard c={c} />
            <TierHistoryCard c={c} />
          </Space>
        </Col>
      </Row>
    </div>
  );
}
