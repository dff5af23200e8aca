import { Card, Skeleton } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BANDS, TIERS } from '../../api/types';
import type { CustomerSummary, Money } from '../../api/types';
import { formatInt } from '../../lib/format';
import { formatYuanCompact } from '../../lib/money';
import { useIsMobile } from '../../lib/useIsMobile';
import { BandTag, TierTag } from '../customers/tags';

export type SummaryQuery = UseQueryResult<CustomerSummary>;

/** A count tile linking to the pre-filtered customer list (the list applies the caller's scope). */
function CountTile(props: {
  label: ReactNode;
  to: string;
  testId: string;
  q: SummaryQuery;
  count: number | undefined;
  aum?: Money;
}) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const { q } = props;
  return (
    <Link
      to={props.to}
      className="gh-tile"
      data-testid={props.testId}
      data-tile-count={q.data ? props.count : undefined}
    >
      <div className="gh-tile-label">{props.label}</div>
      <div className="gh-tile-value gh-num">
        {q.isPending ? <Skeleton.Button active size="small" /> : q.isError ? '—' : formatInt(props.count, lang)}
      </div>
      {props.aum !== undefined && <div className="gh-tile-sub gh-num">{formatYuanCompact(props.aum, lang)}</div>}
    </Link>
  );
}

/** Customers (and AUM) per tier. */
export function TierTiles({ q }: { q: SummaryQuery }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  return (
    <Card size="small" title={t('home.tierDist')}>
      <div className="gh-tiles">
        {(q.data?.tiers ?? PLACEHOLDER_TIERS).map((row) => (
          <CountTile
            key={row.tier}
            label={<TierTag tier={row.tier} short={isMobile} />}
            to={`/customers?tier=${row.tier}`}
            testId={`tier-count-${row.tier}`}
            q={q}
            count={row.customers}
            aum={q.data ? row.aum : undefined}
          />
        ))}
      </div>
    </Card>
  );
}

/** Customers near the floor of the next tier up. */
export function BandTiles({ q }: { q: SummaryQuery }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('home.nearThreshold')}
      extra={<span className="gh-muted gh-small">{t('home.nearThresholdHint')}</span>}
      className="gh-card-wrap-extra"
    >
      <div className="gh-tiles">
        {(q.data?.bands ?? PLACEHOLDER_BANDS).map((row) => (
          <CountTile
            key={row.band}
            label={<BandTag band={row.band} />}
            to={`/customers?band=${row.band}`}
            testId={`band-count-${row.band}`}
            q={q}
            count={row.customers}
          />
        ))}
      </div>
    </Card>
  );
}

/** Tile skeletons while the summary loads (or when it failed). */
const PLACEHOLDER_TIERS: CustomerSummary['tiers'] = TIERS.map((tier) => ({ tier, customers: 0, aum: '0.00' }));
const PLACEHOLDER_BANDS: CustomerSummary['bands'] = BANDS.map((band) => ({ band, customers: 0 }));
