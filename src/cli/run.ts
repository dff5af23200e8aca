/**
 * Running the CLI: turn errors into one clear line and an exit
 * code (stack traces only with GUANHU_DEBUG=1). What commands share is in platform/cli.ts.
 */
import type { Command } from 'commander';
import { errorCause, isAppError } from '../platform/errors.js';

export async function runCli(program: Command): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (err) {
    fail(err);
  }
}

export function fail(err: unknown): never {
  const msg = isAppError(err) ? err.message : errorCause(err);
  process.stderr.write(`guanhu: ${msg}\n`);
  if (process.env.GUANHU_DEBUG === '1' && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exit(1);
}
