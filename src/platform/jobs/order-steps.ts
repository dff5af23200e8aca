/**
 * Orders batch steps by their `after` lists (a topological sort). Among steps whose
 * predecessors are done, the one declared first (module list order, then declaration order)
 * runs first, so the order is deterministic and reads like the module list. A duplicate name,
 * an unknown predecessor or a cycle is a programming error: it fails at start-up, naming it.
 */
import type { BatchStepDefinition } from './batch-step.js';

export function orderSteps(steps: readonly BatchStepDefinition[]): BatchStepDefinition[] {
  const byName = new Map<string, BatchStepDefinition>();
  for (const s of steps) {
    if (byName.has(s.name)) throw new Error(`batch step "${s.name}" is declared twice`);
    byName.set(s.name, s);
  }
  for (const s of steps)
    for (const a of s.after ?? [])
      if (!byName.has(a)) throw new Error(`batch step "${s.name}" runs after "${a}", which no module declares`);

  const done = new Set<string>();
  const ordered: BatchStepDefinition[] = [];
  while (ordered.length < steps.length) {
    const next = steps.find((s) => !done.has(s.name) && (s.after ?? []).every((a) => done.has(a)));
    if (!next) {
      const left = steps.filter((s) => !done.has(s.name)).map((s) => s.name);
      throw new Error(`batch steps ${left.join(', ')} wait on each other (a cycle in their "after" lists)`);
    }
    done.add(next.name);
    ordered.push(next);
  }
  return ordered;
}

/** `name` and every step that runs after it, directly or through others, in run order. */
export function withDependents(ordered: readonly BatchStepDefinition[], name: string): BatchStepDefinition[] {
  if (!ordered.some((s) => s.name === name))
    throw new Error(`no batch step "${name}" (have: ${ordered.map((s) => s.name).join(', ')})`);
  const picked = new Set([name]);
  for (const s of ordered) if ((s.after ?? []).some((a) => picked.has(a))) picked.add(s.name);
  return ordered.filter((s) => picked.has(s.name));
}
