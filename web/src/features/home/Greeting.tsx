import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session';

export function Greeting() {
  const me = useCurrentUser();
  const { t } = useTranslation();
  return (
    <div className="gh-page-head">
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('home.hello', { name: me.name })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t(`role.${me.role}`)} · {me.orgName}
        </Typography.Text>
      </div>
    </div>
  );
}
