import { describe, expect, it } from 'vitest';
import type { BatchStepDefinition } from './batch-step.js';
import { orderSteps, withDependents } from './order-steps.js';

const step = (name: string, after: string[] = []): BatchStepDefinition => ({
  name,
  description: name,
  after,
  run: () => Promise.resolve({ rows: 0 }),
});
const names = (s: BatchStepDefinition[]) => s.map((x) => x.name);

describe('orderSteps', () => {
  it('puts every step after its predecessors, declaration order breaking ties', () => {
    // org-tier is declared first, so it runs as soon as tiers is done, before monthly
    const s = [step('org-tier', ['tiers']), step('aum'), step('tiers', ['aum']), step('monthly', ['aum'])];
    expect(names(orderSteps(s))).toEqual(['aum', 'tiers', 'org-tier', 'monthly']);
  });

  it('keeps the tiering order of the nightly batch and lets a later module slot in', () => {
    const s = [
      step('aum'),
      step('tiers', ['aum']),
      step('monthly', ['aum']),
      step('org-tier', ['tiers']),
      step('stewardship', ['tiers']),
      step('familiarity', ['stewardship']),
    ];
    expect(names(orderSteps(s))).toEqual(['aum', 'tiers', 'monthly', 'org-tier', 'stewardship', 'familiarity']);
  });

  it('refuses a cycle, an unknown predecessor and a duplicate, naming them', () => {
    expect(() => orderSteps([step('a', ['b']), step('b', ['a'])])).toThrow(/a, b wait on each other/);
    expect(() => orderSteps([step('a', ['nope'])])).toThrow(/"a" runs after "nope"/);
    expect(() => orderSteps([step('a'), step('a')])).toThrow(/declared twice/);
  });
});

describe('withDependents', () => {
  it('is the step and everything downstream of it, in run order', () => {
    const o = orderSteps([step('aum'), step('tiers', ['aum']), step('monthly', ['aum']), step('org-tier', ['tiers'])]);
    expect(names(withDependents(o, 'tiers'))).toEqual(['tiers', 'org-tier']);
    expect(names(withDependents(o, 'monthly'))).toEqual(['monthly']);
    expect(names(withDependents(o, 'aum'))).toEqual(['aum', 'tiers', 'monthly', 'org-tier']);
    expect(() => withDependents(o, 'x')).toThrow(/no batch step "x"/);
  });
});
