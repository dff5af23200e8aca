import { Card, Progress, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRmBook } from '../../api/stewardship';
import { formatInt } from '../../lib/format';
import { ErrorState } from '../shell/states';

/** An RM's book against their cap ("312 / 400"), idle relationships and the release list count. */
export default function BookLoad({ staffId }: { staffId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const q = useRmBook(staffId);
  if (q.isError) return <ErrorState compact error={q.error} onRetry={() => void q.refetch()} />;
  if (q.isPending)
    return (
      <Card size="small">
        <Skeleton active paragraph={{ rows: 1 }} title={false} />
      </Card>
    );
  const b = q.data;
  const over = b.cap !== null && b.load > b.cap;
  const percent = b.cap ? Math.min(100, Math.round((b.load / b.cap) * 100)) : 0;
  return (
    <Card size="small" title={t('stewardship.bookTitle')} data-testid="book-load">
      <div className="gh-book-load">
        <div className="gh-book-load-bar">
          <div className="gh-book-load-figures">
            <span className={`gh-num gh-book-load-value${over ? ' gh-cov-warn' : ''}`} data-testid="book-load-value">
              {formatInt(b.load, lang)} / {b.cap === null ? '—' : formatInt(b.cap, lang)}
            </span>
            <span className="gh-muted gh-small">
              {over ? t('stewardship.overBy', { n: formatInt(b.excess, lang) }) : t('stewardship.capHint')}
            </span>
          </div>
          <Progress percent={percent} showInfo={false} status={over ? 'exception' : 'normal'} />
        </div>
        <div className="gh-book-load-stats">
          <span data-testid="book-idle">
            <span className="gh-muted gh-small">{t('stewardship.tile.idle')}</span>
            <b className={`gh-num${b.states.idle > 0 ? ' gh-cov-warn' : ''}`}>{formatInt(b.states.idle, lang)}</b>
          </span>
          <Link to="/stewardship/release" data-testid="book-release">
            <span className="gh-muted gh-small">{t('stewardship.tile.release')}</span>
            <b className="gh-num">{formatInt(b.states.release, lang)}</b>
          </Link>
        </div>
      </div>
    </Card>
  );
}
