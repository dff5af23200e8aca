import { Command } from 'commander';

// Placeholder: the nightly batch command is being written (issue 3).
export function batchCommand(): Command {
  return new Command('batch').description('nightly batch (in progress)');
}
