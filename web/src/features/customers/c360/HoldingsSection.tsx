import { Card, Empty, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Customer360, Holding } from '../../../api/types';
import { daysUntil, formatDate } from '../../../lib/format';
import { formatYuan } from '../../../lib/money';
import { useIsMobile } from '../../../lib/useIsMobile';
import { useCodeText } from './codes';
import { byMoney, byText } from '../../../lib/sorters';

/** Product holdings: a table on desktop, cards on a phone. */
export default function HoldingsSection({ c }: { c: Customer360 }) {
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
      sorter: byText((h) => h.productName),
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
      sorter: byText((h) => h.category),
      render: (v: string) => code('category', v),
    },
    {
      key: 'class',
      title: t('c360.col.assetClass'),
      dataIndex: 'assetClass',
      sorter: byText((h) => h.assetClass),
      render: (v: string) => t(`assetClass.${v}`),
    },
    {
      key: 'risk',
      title: t('c360.col.risk'),
      dataIndex: 'riskRating',
      sorter: byText((h) => h.riskRating),
      render: (v: string) => <Tag>{v}</Tag>,
    },
    {
      key: 'balance',
      title: t('c360.col.balance'),
      dataIndex: 'balance',
      align: 'right',
      sorter: byMoney((h) => h.balance),
      render: (v: string) => <span className="gh-num">{formatYuan(v)}</span>,
    },
    {
      key: 'maturity',
      title: t('c360.col.maturity'),
      dataIndex: 'maturityDate',
      sorter: byText((h) => h.maturityDate),
      render: maturity,
    },
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
