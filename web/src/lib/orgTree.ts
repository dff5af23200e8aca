import type { OrgNode } from '../api/types';

export interface OrgTreeNode extends OrgNode {
  children?: OrgTreeNode[];
}

/** Builds the nested tree from the flat node list; nodes whose parent is not visible become roots. */
export function buildOrgTree(nodes: readonly OrgNode[]): OrgTreeNode[] {
  const byId = new Map<string, OrgTreeNode>();
  for (const n of nodes) byId.set(n.orgId, { ...n });
  const roots: OrgTreeNode[] = [];
  for (const n of byId.values()) {
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    if (parent) (parent.children ??= []).push(n);
    else roots.push(n);
  }
  return roots;
}

/** Keys of the roots and their direct children (for a sensible default expansion). */
export function topKeys(roots: readonly OrgTreeNode[], depth = 1): string[] {
  const out: string[] = [];
  const walk = (list: readonly OrgTreeNode[], d: number) => {
    for (const n of list) {
      if (!n.children?.length) continue;
      out.push(n.orgId);
      if (d < depth) walk(n.children, d + 1);
    }
  };
  walk(roots, 0);
  return out;
}
