/**
 * The tier part of the bank settings, as the API shows it (floors in decimal yuan), and saving a
 * change as a new settings version (saveSettings audits it). A change takes effect from the next
 * nightly batch: tiers already on customers are not recomputed here. A save names the version it
 * was read at; a stale one is refused (CONFLICT with the current version) rather than overwriting
 * a colleague's newer change.
 */
import type { Ctx } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { CONFIG_ROLES, requireRole } from '../../platform/auth/roles.js';
import { loadSettings, saveSettings, type VersionedSettings } from '../../platform/settings-store.js';
import { settingsToJson } from '../../domain/settings.js';
import type { Band, TierBasis } from '../../domain/enums.js';
import { formatYuan, parseYuan } from '../../domain/money.js';

export type Floors = Record<Band, string>;

export interface TierSettingsInput {
  /** the settings version the user read and changed */
  version: number;
  floors: Floors;
  bandLowPct: number;
  downgradeMonths: number;
  basis: TierBasis;
  note?: string;
}

function view({ version, value }: VersionedSettings) {
  const f = value.tiers.floorsFen;
  return {
    version,
    floors: {
      premium: formatYuan(f.premium),
      affluent: formatYuan(f.affluent),
      wealth: formatYuan(f.wealth),
      private: formatYuan(f.private),
    },
    bandLowPct: value.tiers.bandLowPct,
    downgradeMonths: value.tiers.downgradeMonths,
    basis: value.tiers.basis,
  };
}

export type TierSettingsView = ReturnType<typeof view>;

export async function getTierSettings(ctx: Ctx): Promise<TierSettingsView> {
  return view(await loadSettings(ctx.db));
}

export async function updateTierSettings(ctx: Ctx, actor: Actor, input: TierSettingsInput): Promise<TierSettingsView> {
  requireRole(actor, CONFIG_ROLES, 'tier settings');
  const { value } = await loadSettings(ctx.db);
  const json = settingsToJson(value);
  const next = {
    ...json,
    tiers: {
      floorsFen: {
        mass: '0',
        premium: parseYuan(input.floors.premium).toString(),
        affluent: parseYuan(input.floors.affluent).toString(),
        wealth: parseYuan(input.floors.wealth).toString(),
        private: parseYuan(input.floors.private).toString(),
      },
      bandLowPct: input.bandLowPct,
      downgradeMonths: input.downgradeMonths,
      basis: input.basis,
    },
  };
  return view(await saveSettings(ctx.db, next, actor, input.note, input.version));
}
