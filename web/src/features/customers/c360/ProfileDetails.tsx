import { WarningOutlined } from '@ant-design/icons';
import { Descriptions, Space, Tag } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Customer360 } from '../../../api/types';
import { formatDate } from '../../../lib/format';
import { useCodeText } from './codes';

/** Risk assessment: level, expiry warning and date. */
function RiskLevel({ c }: { c: Customer360 }) {
  const { t } = useTranslation();
  if (!c.riskLevel) return <Tag color="warning">{t('c360.riskNone')}</Tag>;
  return (
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
  );
}

/** Customer no., contact details (masked unless revealed), org, risk, RM and tags. */
export default function ProfileDetails({
  c,
  phone,
  idNumber,
}: {
  c: Customer360;
  phone: string | null;
  idNumber: string | null;
}) {
  const { t } = useTranslation();
  const code = useCodeText();
  const items: DescriptionsProps['items'] = [
    { key: 'no', label: t('c360.customerNo'), children: <span className="gh-mono">{c.customerId}</span> },
    {
      key: 'phone',
      label: t('c360.phone'),
      children: (
        <span data-testid="c360-phone" className="gh-mono">
          {phone ?? '—'}
        </span>
      ),
    },
    {
      key: 'id',
      label: t('c360.idNumber'),
      children: (
        <span data-testid="c360-id-number" className="gh-mono">
          {idNumber ?? '—'}
        </span>
      ),
    },
    // only the owning RM gets the birth date (the API leaves it out for everyone else, who see the age)
    ...(c.birthDate
      ? [
          {
            key: 'birth',
            label: t('privacy.birthDate'),
            children: (
              <span data-testid="c360-birth-date" className="gh-mono">
                {formatDate(c.birthDate)}
              </span>
            ),
          },
        ]
      : []),
    { key: 'org', label: t('c360.org'), children: c.orgName },
    { key: 'open', label: t('c360.openDate'), children: formatDate(c.openDate) },
    { key: 'risk', label: t('c360.riskLevel'), children: <RiskLevel c={c} /> },
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
  return <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} className="gh-c360-desc" />;
}
