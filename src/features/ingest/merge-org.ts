/**
 * The org tree: a file's units are upserted together with their materialised `path` and
 * `depth`, computed by a recursive CTE over the merged tree (the file's rows over the existing
 * ones), so a parent may come later in the same file and a moved unit's subtree is re-pathed.
 * File rows the walk from a root never reaches (a cycle, a rejected parent) are rejected first.
 */
import { validRows, type Staged } from './staged-rows.js';

function treeCte(s: Staged): string {
  const v = validRows(s);
  return `WITH RECURSIVE src AS (
      SELECT org_id, nullif(parent_id, '') AS parent_id, level, name, true AS in_file FROM ${v} v
      UNION ALL
      SELECT o.org_id, o.parent_id, o.level::text, o.name, false FROM org_units o
      WHERE NOT EXISTS (SELECT 1 FROM ${v} f WHERE f.org_id = o.org_id)
    ), tree AS (
      SELECT org_id, parent_id, level, name, in_file, '/' || org_id || '/' AS path, 0 AS depth
      FROM src WHERE parent_id IS NULL
      UNION ALL
      SELECT c.org_id, c.parent_id, c.level, c.name, c.in_file, t.path || c.org_id || '/', t.depth + 1
      FROM src c JOIN tree t ON c.parent_id = t.org_id WHERE t.depth < 32
    )`;
}

/** Rejects the file's units that do not hang under a root. */
export function orgUnreachableStatement(s: Staged): string {
  return `INSERT INTO ${s.rejects} (line_no, column_name, value, reason)
    ${treeCte(s)}
    SELECT v.line_no, 'parent_id', v.parent_id, 'parent chain does not reach the head office'
    FROM ${validRows(s)} v WHERE v.org_id NOT IN (SELECT org_id FROM tree)`;
}

export function orgMergeStatement(s: Staged): string {
  return `${treeCte(s)}
    INSERT INTO org_units (org_id, parent_id, level, name, path, depth)
    SELECT org_id, parent_id, level::org_level, name, path, depth FROM tree
    ON CONFLICT (org_id) DO UPDATE SET parent_id = EXCLUDED.parent_id, level = EXCLUDED.level,
      name = EXCLUDED.name, path = EXCLUDED.path, depth = EXCLUDED.depth
    WHERE (org_units.parent_id, org_units.level, org_units.name, org_units.path, org_units.depth)
      IS DISTINCT FROM (EXCLUDED.parent_id, EXCLUDED.level, EXCLUDED.name, EXCLUDED.path, EXCLUDED.depth)`;
}
