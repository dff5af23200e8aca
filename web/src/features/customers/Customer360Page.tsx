import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Col, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { isInvalidInput, isNotFound } from '../../api/client';
import { useCustomer } from '../../api/hooks';
import { ErrorState, Loading, NotFoundPage } from '../shell/states';
import AllocationSection from './c360/AllocationSection';
import AumHistorySection from './c360/AumHistorySection';
import ContactTimeline from './c360/ContactTimeline';
import HoldingsSection from './c360/HoldingsSection';
import ProfileCard from './c360/ProfileCard';
import RmSection from './c360/RmSection';
import TierHistory from './c360/TierHistory';

function CustomerNotFound() {
  return (
    <NotFoundPage
      titleKey="notFound.customerTitle"
      descKey="notFound.customerDesc"
      backTo="/customers"
      backKey="notFound.backList"
    />
  );
}

/** Customer 360: profile, holdings, AUM history, contacts, RM and tier history. */
export default function Customer360Page() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const q = useCustomer(id);

  if (q.isPending) return <Loading />;
  if (q.isError) {
    // an id the API refuses (400: a NUL character, say) names no customer either
    if (isNotFound(q.error) || isInvalidInput(q.error)) return <CustomerNotFound />;
    return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  }
  const c = q.data;

  return (
    <div className="gh-page" data-testid="customer-360" data-customer-id={c.customerId}>
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
      <ProfileCard key={c.customerId} c={c} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <AllocationSection data={c.holdingsByClass} />
        </Col>
        <Col xs={24} lg={14}>
          <AumHistorySection data={c.aumHistory} />
        </Col>
        <Col xs={24}>
          <HoldingsSection c={c} />
        </Col>
        <Col xs={24} lg={14}>
          <ContactTimeline contacts={c.contacts} />
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <RmSection c={c} />
            <TierHistory c={c} />
          </Space>
        </Col>
      </Row>
    </div>
  );
}
