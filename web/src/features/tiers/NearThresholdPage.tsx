import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Pagination, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { BANDS, nearExportUrl, useNearThreshold, useTierSettings, type Band } from '../../api/tiers';
import { isRmRole } from '../../api/types';
import { formatYuanCompact, toFen } from '../../lib/money';
import { useIsMobile } from '../../lib/useIsMobile';
import { useCurrentUser } from '../auth/session';
import { ErrorState } from '../shell/states';
import NearCards from './near/NearCards';
import NearTable from './near/NearTable';

const asBand = (v: string | null): Band => ((BANDS as readonly string[]).includes(v ?? '') ? (v as Band) : 'premium');

/** 临界客户: the upgrade campaign lists, one tab per band; for an RM, their own book. */
export default function NearThresholdPage() {
  const me = useCurrentUser();
  const { t, i18n } = useTranslation();
  const isMobile = useIsMobile();
  const [sp, setSp] = useSearchParams();
  const band = asBand(sp.get('band'));
  const orgId = sp.get('orgId') || undefined;
  const page = Math.max(1, Number.parseInt(sp.get('page') ?? '1', 10) || 1);
  const pageSize = 20;
  const q = useNearThreshold({ band, orgId, page, pageSize });
  const settings = useTierSettings();

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setSp(next);
  };

  const s = settings.data;
  const range = (b: Band) => {
    if (!s) return '';
    const floorFen = toFen(s.floors[b]) ?? 0n;
    const low = ((floorFen * BigInt(s.bandLowPct)) / 100n).toString();
    return t('near.range', {
      low: formatYuanCompact(`${low.slice(0, -2) || '0'}.${low.slice(-2).padStart(2, '0')}`, i18n.language),
      floor: formatYuanCompact(s.floors[b], i18n.language),
    });
  };

  const items = q.data?.items ?? [];
  return (
    <div className="gh-page" data-testid="near-threshold">
      <div className="gh-page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {isRmRole(me.role) ? t('near.myTitle') : t('near.title')}
        </Typography.Title>
        <Button
          href={nearExportUrl({ band, orgId })}
          download
          icon={<DownloadOutlined />}
          data-testid="near-threshold-export"
          disabled={!q.data || q.data.total === 0}
        >
          {t('near.export')}
        </Button>
      </div>
      {s && <div className="gh-muted gh-small">{t('near.hint', { pct: s.bandLowPct })}</div>}
      <Card size="small" styles={{ body: { padding: isMobile ? 8 : 12 } }}>
        <Tabs
          activeKey={band}
          onChange={(k) => set({ band: k, page: undefined })}
          size={isMobile ? 'small' : 'middle'}
          items={BANDS.map((b) => ({
            key: b,
            label: (
              <span data-testid={`near-tab-${b}`}>
                {t(`near.tab.${b}`)}
                {!isMobile && s && <span className="gh-muted gh-small"> {range(b)}</span>}
              </span>
            ),
          }))}
        />
        {isMobile && s && <div className="gh-muted gh-small gh-near-range">{range(band)}</div>}
        {q.isError ? (
          <ErrorState error={q.error} onRetry={() => void q.refetch()} />
        ) : isMobile ? (
          <NearCards items={items} loading={q.isFetching} />
        ) : (
          <NearTable items={items} loading={q.isFetching} />
        )}
        {q.data && q.data.total > 0 && (
          <div className="gh-pager">
            <span className="gh-muted gh-small gh-pager-note" data-testid="near-total">
              {t('common.total', { count: q.data.total })}
              {q.data.asOf ? ` · ${t('near.asOf', { date: q.data.asOf })}` : ''}
            </span>
            <Pagination
              current={page}
              pageSize={pageSize}
              total={q.data.total}
              simple={isMobile}
              showSizeChanger={false}
              onChange={(p) => set({ page: p > 1 ? String(p) : undefined })}
            />
          </div>
        )}
      </Card>
    </div>
  );
}
