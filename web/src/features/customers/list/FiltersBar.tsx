import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Select, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgTree, useStaff } from '../../../api/hooks';
import { RM_ROLES, TIERS } from '../../../api/types';
import type { Tier } from '../../../api/types';
import { buildOrgTree } from '../../../lib/orgTree';
import type { OrgTreeNode } from '../../../lib/orgTree';
import type { ListQuery, UpdateQuery } from './query';

interface TreeOption {
  value: string;
  title: string;
  children?: TreeOption[];
}
const toTreeOptions = (nodes: OrgTreeNode[]): TreeOption[] =>
  nodes.map((n) => ({ value: n.orgId, title: n.name, children: n.children ? toTreeOptions(n.children) : undefined }));

/** Search box and filters; org, RM and stewardship filters only for managers (`rmView` false). */
export default function FiltersBar({
  query,
  update,
  onClear,
  rmView,
}: {
  query: ListQuery;
  update: UpdateQuery;
  onClear: () => void;
  rmView: boolean;
}) {
  const { t } = useTranslation();
  const orgs = useOrgTree({ enabled: !rmView });
  const staff = useStaff({ orgId: query.orgId }, { enabled: !rmView });
  // The search box follows the URL (back/forward, links) but is editable in between.
  const [search, setSearch] = useState(query.q ?? '');
  const [searchFor, setSearchFor] = useState(query.q);
  if (searchFor !== query.q) {
    setSearchFor(query.q);
    setSearch(query.q ?? '');
  }

  const hasFilters = !!(
    query.tier ||
    query.band ||
    query.orgId ||
    query.rmId ||
    query.q ||
    query.managed ||
    query.eligible
  );
  const treeData = useMemo(() => (orgs.data ? toTreeOptions(buildOrgTree(orgs.data)) : []), [orgs.data]);
  const rmOptions = useMemo(
    () =>
      (staff.data ?? [])
        .filter((s) => RM_ROLES.includes(s.role))
        .map((s) => ({ value: s.staffId, label: `${s.name} · ${s.staffId}` })),
    [staff.data],
  );
  const tierOptions = TIERS.map((tier) => ({ value: tier, label: t(`tier.${tier}`) }));
  const bandOptions = TIERS.filter((x) => x !== 'mass').map((tier) => ({
    value: tier,
    label: t('band.near', { tier: t(`tierShort.${tier}`) }),
  }));

  return (
    <div className="gh-filters">
      <Input.Search
        className="gh-filter-search"
        allowClear
        // only the owning RM may search by part of a name (the server allows others exact values)
        placeholder={t(rmView ? 'privacy.searchOwn' : 'privacy.searchExact')}
        aria-label={t(rmView ? 'privacy.searchOwn' : 'privacy.searchExact')}
        value={search}
        onChange={(e) => {
          setSearch(e.target.value);
          if (!e.target.value && query.q) update({ q: undefined });
        }}
        onSearch={(v) => update({ q: v.trim() || undefined })}
        enterButton={<SearchOutlined />}
        name="q"
        data-testid="customer-search"
      />
      <Select
        allowClear
        placeholder={t('customers.filter.tier')}
        aria-label={t('customers.filter.tier')}
        value={query.tier}
        options={tierOptions}
        onChange={(v?: Tier) => update({ tier: v })}
        data-testid="filter-tier"
      />
      <Select
        allowClear
        placeholder={t('customers.filter.band')}
        aria-label={t('customers.filter.band')}
        value={query.band}
        options={bandOptions}
        onChange={(v?: Tier) => update({ band: v })}
        data-testid="filter-band"
      />
      {!rmView && (
        <>
          <TreeSelect
            allowClear
            showSearch
            treeNodeFilterProp="title"
            placeholder={t('customers.filter.org')}
            aria-label={t('customers.filter.org')}
            value={query.orgId}
            treeData={treeData}
            treeDefaultExpandedKeys={treeData.map((n) => n.value)}
            loading={orgs.isLoading}
            onChange={(v?: string) => update({ orgId: v })}
            data-testid="filter-org"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('customers.filter.rm')}
            aria-label={t('customers.filter.rm')}
            value={query.rmId}
            options={rmOptions}
            loading={staff.isLoading}
            onChange={(v?: string) => update({ rmId: v })}
            data-testid="filter-rm"
          />
          <Select
            allowClear
            placeholder={t('customers.filter.managed')}
            aria-label={t('customers.filter.managed')}
            value={query.managed ?? (query.eligible ? 'eligible' : undefined)}
            options={[
              { value: 'eligible', label: t('customerList.eligible') },
              { value: 'true', label: t('customers.managed.true') },
              { value: 'false', label: t('customers.managed.false') },
            ]}
            onChange={(v?: string) =>
              update(v === 'eligible' ? { eligible: 'true', managed: undefined } : { managed: v, eligible: undefined })
            }
            data-testid="filter-managed"
          />
        </>
      )}
      {hasFilters && (
        <Button onClick={onClear} data-testid="filter-clear">
          {t('common.clear')}
        </Button>
      )}
    </div>
  );
}
