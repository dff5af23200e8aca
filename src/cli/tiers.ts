import { Command } from 'commander';

// Placeholder: tiers export is being written (issue 3).
export function tiersCommand(): Command {
  return new Command('tiers').description('tier reports (in progress)');
}
