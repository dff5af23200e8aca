/**
 * The bank's own Chinese names of the tiers and the near-threshold bands (DOMAIN.md), for what
 * leaves the app (xlsx files are read by people who never chose a UI language).
 */
import type { Band, OwnerRole, ReleaseAction, Tier } from './enums.js';

export const TIER_ZH: Record<Tier, string> = {
  mass: '大众客户',
  premium: '优质客户',
  affluent: '理财客户',
  wealth: '财富客户',
  private: '私人银行客户',
};

export const BAND_ZH: Record<Band, string> = {
  premium: '临界优质',
  affluent: '临界理财',
  wealth: '临界财富',
  private: '临界私行',
};

/** Book-owning roles as the bank's sheets name them. */
export const OWNER_ROLE_ZH: Record<OwnerRole, string> = {
  rm: '理财经理',
  wealth_rm: '财富经理',
  private_advisor: '私行顾问',
};

export const RELEASE_ACTION_ZH: Record<ReleaseAction, string> = {
  release_to_pool: '释放至网点公共池',
  keep_near_threshold: '临界保留，继续维护',
};
