import { EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer360, RevealResult } from '../../../api/types';
import { formatDate } from '../../../lib/format';
import { formatYuan } from '../../../lib/money';
import { BandTag, TierTag } from '../tags';
import ProfileDetails from './ProfileDetails';
import RevealModal from './RevealModal';

/** Name, tier, AUM and profile; the owning RM can reveal the masked PII here. */
export default function ProfileCard({ c }: { c: Customer360 }) {
  const { t } = useTranslation();
  const [revealed, setRevealed] = useState<RevealResult | null>(null);
  const [open, setOpen] = useState(false);
  const name = revealed?.name ?? c.name;
  const phone = revealed?.phone ?? c.phone;
  const idNumber = revealed?.idNumber ?? c.idNumber;

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
      <ProfileDetails c={c} phone={phone} idNumber={idNumber} />
      <RevealModal id={c.customerId} open={open} onClose={() => setOpen(false)} onRevealed={setRevealed} />
    </Card>
  );
}
