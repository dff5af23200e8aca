import { Command } from 'commander';

// Placeholder: the import command is being written (issue 3).
export function importCommand(): Command {
  return new Command('import').description('load daily files (in progress)');
}
