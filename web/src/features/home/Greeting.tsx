import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session';

/**
 * Who is looking, and the business date of the figures below it (the nightly batch's day, not
 * today: the bank's T+1 files arrive the morning after).
 */
export function Greeting({ asOf }: { asOf?: string | null }) {
  const me = useCurrentUser();
  const { t } = useTranslation();
  return (
    <div className="gh-page-head">
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('home.hello', { name: me.name })}
        </Typography.Title>
        {/* 总行's role is called what its org is: say it once */}
        <Typography.Text type="secondary" data-testid="greeting-role">
          {t(`role.${me.role}`) === me.orgName.trim() ? me.orgName : `${t(`role.${me.role}`)} · ${me.orgName}`}
        </Typography.Text>
      </div>
      {asOf && (
        <Typography.Text type="secondary" className="gh-num" data-testid="data-as-of">
          {t('home.dataAsOf', { date: asOf })}
        </Typography.Text>
      )}
    </div>
  );
}
