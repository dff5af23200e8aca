/** `guanhu assign plan|export|apply` (issue 11). */
import { Command } from 'commander';

export function assignCommand(): Command {
  return new Command('assign').description('plan, export and apply stewardship reassignments');
}
