/**
 * What the org dashboards (层级看板, 管户覆盖) share: the org node and date in the URL, so a
 * drill-down is linkable, and the head with the title, the breadcrumb up the tree and the date.
 */
import type { ReactNode } from 'react';
import { Breadcrumb, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

export type OrgDatePatch = Partial<Record<'orgId' | 'date', string | undefined>>;

/** The `orgId` and `date` of the URL, and `go` to change them (undefined removes one). */
export function useOrgDateParams() {
  const [sp, setSp] = useSearchParams();
  const go = (patch: OrgDatePatch) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setSp(next);
  };
  return { orgId: sp.get('orgId') || undefined, date: sp.get('date') || undefined, go };
}

export function OrgDateHead(props: {
  title: string;
  breadcrumb: readonly { orgId: string; name: string }[];
  date: string;
  /** the dates with figures, newest first: the newest is the URL without a date */
  dates: readonly string[];
  go: (patch: OrgDatePatch) => void;
  dateTestId: string;
  breadcrumbTestId?: string;
  /** shown after the date picker */
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const { breadcrumb, dates, go } = props;
  return (
    <div className="gh-page-head gh-dash-head">
      <div className="gh-stack-tight">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {props.title}
        </Typography.Title>
        <Breadcrumb
          data-testid={props.breadcrumbTestId}
          items={breadcrumb.map((b, i) => ({
            key: b.orgId,
            title:
              i === breadcrumb.length - 1 ? (
                <span>{b.name}</span>
              ) : (
                <a onClick={() => go({ orgId: b.orgId })}>{b.name}</a>
              ),
          }))}
        />
      </div>
      <div className="gh-dash-date">
        <span className="gh-muted gh-small">{t('tiers.asOf')}</span>
        <Select
          size="small"
          value={props.date}
          style={{ width: 130 }}
          options={dates.map((x) => ({ value: x, label: x }))}
          onChange={(v) => go({ date: v === dates[0] ? undefined : v })}
          data-testid={props.dateTestId}
        />
        {props.extra}
      </div>
    </div>
  );
}
