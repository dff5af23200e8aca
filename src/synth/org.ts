/**
 * The org tree: head office → branches → sub-branches → outlets, with materialised paths.
 * Outlets carry a size weight (how many customers call it home); the first outlet of each
 * sub-branch is its centre outlet (中心网点), bigger and home to the private-banking advisor.
 */
import { BRANCHES, OUTLET_PLACES } from './names.js';
import { Rng, TAG } from './prng.js';
import type { ScaleSpec } from './scales.js';

export type OrgLevel = 'head_office' | 'branch' | 'sub_branch' | 'outlet';

export interface OrgUnit {
  orgId: string;
  parentId: string | null;
  level: OrgLevel;
  name: string;
  path: string;
  depth: number;
}

export interface Outlet {
  /** position in Org.outlets */
  index: number;
  orgId: string;
  subBranchId: string;
  branchId: string;
  centre: boolean;
  /** relative number of customers homed here */
  weight: number;
}

export interface Org {
  units: OrgUnit[];
  outlets: Outlet[];
}

const two = (n: number) => String(n).padStart(2, '0');

export function buildOrg(spec: ScaleSpec, seed: number): Org {
  if (spec.branches > BRANCHES.length || spec.subBranchesPerBranch > BRANCHES[0]!.districts.length)
    throw new Error('scale has more branches or sub-branches than there are place names');
  const units: OrgUnit[] = [
    { orgId: 'HO', parentId: null, level: 'head_office', name: '总行', path: '/HO/', depth: 0 },
  ];
  const outlets: Outlet[] = [];
  for (let b = 1; b <= spec.branches; b++) {
    const city = BRANCHES[b - 1]!;
    const branchId = `BR${two(b)}`;
    const branchPath = `/HO/${branchId}/`;
    units.push({
      orgId: branchId,
      parentId: 'HO',
      level: 'branch',
      name: `${city.city}分行`,
      path: branchPath,
      depth: 1,
    });
    for (let s = 1; s <= spec.subBranchesPerBranch; s++) {
      const district = city.districts[s - 1]!;
      const subId = `SB${two(b)}${two(s)}`;
      const subPath = `${branchPath}${subId}/`;
      units.push({
        orgId: subId,
        parentId: branchId,
        level: 'sub_branch',
        name: `${district}支行`,
        path: subPath,
        depth: 2,
      });
      // rotate through the place names so neighbouring sub-branches do not repeat each other
      const offset = ((b - 1) * spec.subBranchesPerBranch + (s - 1)) * 7;
      for (let o = 0; o < spec.outletsPerSubBranch; o++) {
        const index = outlets.length;
        const orgId = `OT${String(index + 1).padStart(4, '0')}`;
        const place = o === 0 ? '中心' : OUTLET_PLACES[(offset + o) % OUTLET_PLACES.length]!;
        units.push({
          orgId,
          parentId: subId,
          level: 'outlet',
          name: `${district}${place}网点`,
          path: `${subPath}${orgId}/`,
          depth: 3,
        });
        const r = new Rng(seed, TAG.outletWeight, index);
        const weight = o === 0 ? 1.6 : Math.exp(0.35 * r.normal());
        outlets.push({ index, orgId, subBranchId: subId, branchId, centre: o === 0, weight });
      }
    }
  }
  return { units, outlets };
}
