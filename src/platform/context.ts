/**
 * What every use case receives: dependencies passed explicitly, no container.
 */
import type { AppDb, DbHandle } from './db/client.js';
import type { Log } from './log.js';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export interface Ctx {
  db: AppDb;
  handle: DbHandle;
  log: Log;
  clock: Clock;
}
