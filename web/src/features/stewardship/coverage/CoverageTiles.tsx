import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Coverage } from '../../../api/stewardship';
import { formatInt, formatPct } from '../../../lib/format';

export const pct = (r: number | null | undefined) => formatPct(r == null ? null : r * 100);

/** The node's figures: eligible, coverage rate, unmanaged, idle, over-cap RMs, release; lists one click away. */
export default function CoverageTiles({ data }: { data: Coverage }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const f = data.totals;
  const org = encodeURIComponent(data.org.orgId);
  const tiles: { key: string; value: string; sub?: string; to?: string; warn?: boolean }[] = [
    { key: 'eligible', value: formatInt(f.eligible, lang), to: `/customers?orgId=${org}&eligible=true` },
    {
      key: 'coverage',
      value: pct(f.coverageRate),
      sub: t('stewardship.coveredOf', { n: formatInt(f.managed + f.idle, lang) }),
    },
    {
      key: 'unmanaged',
      value: formatInt(f.unmanaged + f.orphaned + f.wrongRole, lang),
      sub: t('stewardship.unmanagedSub', {
        none: formatInt(f.unmanaged, lang),
        left: formatInt(f.orphaned, lang),
        role: formatInt(f.wrongRole, lang),
      }),
      warn: true,
    },
    {
      key: 'idle',
      value: formatInt(f.idle, lang),
      sub: t('stewardship.idleRate', { pct: pct(f.idleRate) }),
      warn: true,
    },
    {
      key: 'overCap',
      value: formatInt(f.overCapRms, lang),
      to: `/stewardship/over-cap?orgId=${org}`,
      warn: f.overCapRms > 0,
    },
    { key: 'release', value: formatInt(f.release, lang), to: `/stewardship/release?orgId=${org}` },
  ];
  return (
    <div className="gh-cov-tiles">
      {tiles.map((x) => {
        const body = (
          <>
            <span className="gh-muted gh-small">{t(`stewardship.tile.${x.key}`)}</span>
            <span className={`gh-cov-value gh-num${x.warn ? ' gh-cov-warn' : ''}`}>{x.value}</span>
            {x.sub && <span className="gh-muted gh-small gh-cov-sub">{x.sub}</span>}
          </>
        );
        return x.to ? (
          <Link key={x.key} to={x.to} className="gh-cov-tile gh-cov-link" data-testid={`cov-tile-${x.key}`}>
            {body}
          </Link>
        ) : (
          <div key={x.key} className="gh-cov-tile" data-testid={`cov-tile-${x.key}`}>
            {body}
          </div>
        );
      })}
    </div>
  );
}
