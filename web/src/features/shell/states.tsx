import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import { errorText } from '../../api/errors';

export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="gh-center" role="status" aria-live="polite">
      <Spin />
      <span className="gh-muted">{t('common.loading')}</span>
    </div>
  );
}

/** Friendly state for a failed query, with a retry button. */
export function ErrorState({ error, onRetry, compact }: { error: unknown; onRetry?: () => void; compact?: boolean }) {
  const { t } = useTranslation();
  const status = isApiError(error) ? error.status : undefined;
  const sub = status === 403 ? t('common.forbidden') : errorText(t, error);
  return (
    <Result
      data-testid="error-state"
      status={status === 403 ? '403' : compact ? 'warning' : 'error'}
      title={t('common.error')}
      subTitle={sub}
      style={compact ? { padding: 16 } : undefined}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

/** The 404 state: a whole unknown page by default, or something specific (a customer) with its own way back. */
export function NotFoundPage({
  titleKey = 'notFound.title',
  descKey = 'notFound.desc',
  backTo = '/',
  backKey = 'notFound.backHome',
}: {
  titleKey?: string;
  descKey?: string;
  backTo?: string;
  backKey?: string;
}) {
  const { t } = useTranslation();
  return (
    <Result
      data-testid="not-found"
      status="404"
      title={t(titleKey)}
      subTitle={t(descKey)}
      extra={
        <Link to={backTo}>
          <Button type="primary">{t(backKey)}</Button>
        </Link>
      }
    />
  );
}
