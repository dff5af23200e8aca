/**
 * One owner at a time for an embedded (PGlite) data directory. Two processes opening the same
 * directory destroy it (measured: the second's writes left a directory that no longer opens), so
 * whoever opens it first holds `<dir>.lock`, created atomically (O_EXCL) with the owner's pid,
 * host, command and start time. A second opener — another process or the same one — is refused
 * at once with who holds it. A lock whose process is gone (kill -9, a crash, a reboot) is stale
 * and taken over. The lock file sits beside the directory, not in it: PGlite owns the directory's
 * contents.
 */
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { AppError } from '../errors.js';

export interface DirLockOwner {
  pid: number;
  host: string;
  command: string;
  since: string;
}

/** directories this process holds: a second open here would corrupt the directory just the same */
const heldHere = new Set<string>();

export const lockPath = (dataDir: string) => `${resolve(dataDir)}.lock`;

/** Takes the directory's lock or throws CONFLICT naming its owner; returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  const dir = resolve(dataDir);
  const path = lockPath(dir);
  if (heldHere.has(dir)) throw inUse(dir, readOwner(path) ?? me());
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      try {
        writeSync(fd, JSON.stringify(me()));
      } finally {
        closeSync(fd);
      }
      heldHere.add(dir);
      const release = () => {
        process.off('exit', release);
        if (!heldHere.delete(dir)) return;
        if (readOwner(path)?.pid === process.pid) rmSync(path, { force: true });
      };
      // a command that exits without closing (process.exit after an error) leaves no lock behind
      process.on('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = readOwner(path);
    if (owner && !isStale(owner)) throw inUse(dir, owner);
    // stale (or unreadable: a process killed while writing it): move it aside atomically so two
    // processes taking over at once cannot both win, then try again
    try {
      renameSync(path, `${path}.stale-${process.pid}`);
      rmSync(`${path}.stale-${process.pid}`, { force: true });
    } catch {
      // someone else moved it first: try again
    }
  }
  throw new AppError('CONFLICT', `cannot take the lock ${path}: it keeps changing hands`);
}

function me(): DirLockOwner {
  return {
    pid: process.pid,
    host: hostname(),
    command: process.argv.slice(2).join(' ') || 'node',
    since: new Date().toISOString(),
  };
}

function readOwner(path: string): DirLockOwner | null {
  try {
    const o = JSON.parse(readFileSync(path, 'utf8')) as Partial<DirLockOwner>;
    return typeof o.pid === 'number' ? (o as DirLockOwner) : null;
  } catch {
    return null;
  }
}

/** The owner's process is gone. On another host it cannot be checked, so it is taken as alive. */
function isStale(o: DirLockOwner): boolean {
  if (o.host !== hostname()) return false;
  if (o.pid === process.pid) return !heldHere.size;
  try {
    process.kill(o.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function inUse(dir: string, o: DirLockOwner): AppError {
  const who = o.pid === process.pid ? 'this process' : `process ${o.pid}`;
  return new AppError(
    'CONFLICT',
    `the database in ${dir} is in use by ${who} (guanhu ${o.command}, since ${o.since}${o.host !== hostname() ? ` on ${o.host}` : ''}): stop it or use its API`,
  );
}
