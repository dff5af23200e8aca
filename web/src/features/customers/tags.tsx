import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Tier } from '../../api/types';

export const TIER_COLORS: Record<Tier, string> = {
  mass: 'default',
  premium: 'blue',
  affluent: 'cyan',
  wealth: 'gold',
  private: 'purple',
};

export function TierTag({ tier, short }: { tier: Tier; short?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={TIER_COLORS[tier]} data-tier={tier} style={{ marginInlineEnd: 0 }}>
      {t(short ? `tierShort.${tier}` : `tier.${tier}`)}
    </Tag>
  );
}

/** 临界 tag: the customer is near the floor of `band` (the next tier up). */
export function BandTag({ band }: { band: Tier | null }) {
  const { t } = useTranslation();
  if (!band) return null;
  return (
    <Tag color="orange" data-band={band} style={{ marginInlineEnd: 0 }}>
      {t('band.near', { tier: t(`tierShort.${band}`) })}
    </Tag>
  );
}
