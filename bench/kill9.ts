/**
 * kill -9 at random points of `guanhu import` and `guanhu batch run`, on PGlite and on
 * PostgreSQL (issue 9): after each kill the database must open, a re-run of the same command
 * must succeed, and the data must then be exactly what an uninterrupted run leaves (a hash of
 * every business table). Not part of `npm test` (it takes minutes); run it as
 *
 *   npx tsx bench/kill9.ts [kills per case, default 10]
 *
 * and it writes bench/results/kill9.json (machine, date, every kill's moment and outcome).
 * Compared: the distinct rows of every business table, every column but timestamps and generated
 * ids (two runs of the same work differ only in when they wrote; relationships keep history, and
 * switching A → B → A → B ends the same relationships again as identical rows); bookkeeping tables
 * (runs, audit, sessions) not.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/platform/db/client.js';
import { query } from '../src/platform/db/query.js';
import { generateFiles } from '../src/synth/index.js';
import { recreateDatabase, round, writeResult } from './lib.js';

const KILLS = Number(process.argv[2] ?? 10);
const AS_OF = '2026-11-20';
/** bookkeeping that differs between two runs of the same work (run ids, times, logs) */
const NOT_COMPARED = new Set([
  'batch_runs',
  'import_files',
  'audit_log',
  'sessions',
  'notifications',
  'notification_cursors',
  'system_state',
  'data_versions',
]);

type Db = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

const envOf = (db: Db): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.DATABASE_URL;
  if (db.kind === 'pglite') env.GUANHU_DATA_DIR = db.dataDir;
  else env.DATABASE_URL = db.url;
  return env;
};

/** runs `guanhu …`; with killAfterMs, SIGKILLs it then (if it is still running) */
function guanhu(
  db: Db,
  args: string[],
  killAfterMs?: number,
): Promise<{ code: number | null; killed: boolean; ms: number; out: string }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['bin/guanhu.mjs', ...args], {
      env: envOf(db),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    let killed = false;
    const timer =
      killAfterMs === undefined
        ? null
        : setTimeout(() => {
            killed = child.kill('SIGKILL');
          }, killAfterMs);
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, killed, ms: Math.round(performance.now() - started), out });
    });
  });
}

async function hashes(db: Db): Promise<Record<string, string>> {
  const h = await openDatabase(db.kind === 'pglite' ? { dataDir: db.dataDir } : { databaseUrl: db.url });
  try {
    const tables = await query<{ t: string }>(
      h.db,
      sql`SELECT c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          ORDER BY 1`,
    );
    // two runs of the same work differ in when they wrote (timestamps) and in generated ids;
    // every other column must be the same
    const columns = await query<{ t: string; c: string }>(
      h.db,
      sql`SELECT table_name AS t, column_name AS c FROM information_schema.columns
          WHERE table_schema = current_schema() AND data_type NOT LIKE 'timestamp%'
            AND is_identity = 'NO' AND coalesce(column_default, '') NOT LIKE 'nextval%'
          ORDER BY table_name, ordinal_position`,
    );
    const out: Record<string, string> = {};
    for (const { t } of tables) {
      if (NOT_COMPARED.has(t) || t.startsWith('import_')) continue;
      const cols = columns.filter((c) => c.t === t).map((c) => `"${c.c}"`);
      if (!cols.length) continue;
      const [r] = await query<{ h: string }>(
        h.db,
        sql.raw(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h
                 FROM (SELECT DISTINCT ${cols.join(', ')} FROM "${t}") x`),
      );
      out[t] = r!.h;
    }
    const [left] = await query<{ n: number }>(
      h.db,
      sql`SELECT count(*)::int AS n FROM pg_tables WHERE tablename ~ '^import_(stage|rej|day)_'`,
    );
    out['(leftover staging tables)'] = String(left!.n);
    return out;
  } finally {
    await h.close();
  }
}

const diff = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys({ ...a, ...b }).filter((k) => a[k] !== b[k]);

async function must(db: Db, args: string[]) {
  const r = await guanhu(db, args);
  if (r.code !== 0) throw new Error(`guanhu ${args.join(' ')} exited ${r.code}:\n${r.out}`);
  return r;
}

const log = (m: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`);

async function runCase(db: Db, name: string, filesA: string, filesB: string) {
  // imports first, with no batch in between: the two states alternating imports settle in,
  // from uninterrupted runs
  await must(db, ['db', 'migrate']);
  // (relationships keep their history: it settles once both files have been applied twice)
  await must(db, ['import', filesA]);
  await must(db, ['import', filesB]);
  const fullA = await must(db, ['import', filesA]);
  const afterA = await hashes(db);
  await must(db, ['import', filesB]);
  const afterB = await hashes(db);
  log(`${name}: references taken (full import ${fullA.ms} ms)`);
  const kills: Record<string, unknown>[] = [];
  // imports: alternate A and B, each killed at a random moment of a full run, then re-run
  let next: 'A' | 'B' = 'A';
  for (let k = 0; k < KILLS; k++) {
    const files = next === 'A' ? filesA : filesB;
    const at = Math.round(300 + Math.random() * Math.max(500, fullA.ms - 300));
    const killed = await guanhu(db, ['import', files], at);
    const rerun = await guanhu(db, ['import', files]);
    const got = await hashes(db);
    const want = next === 'A' ? afterA : afterB;
    const differs = diff(got, want);
    kills.push({ job: 'import', files: next, killAtMs: at, killed: killed.killed, rerunExit: rerun.code, differs });
    log(
      `${name}: import ${next} killed at ${at} ms (${killed.killed ? 'mid-run' : 'after it ended'}), re-run ${rerun.code}, differs: ${differs.join(', ') || 'none'}`,
    );
    next = next === 'A' ? 'B' : 'A';
  }
  // the batch over the last imported files, uninterrupted, then killed and re-run
  const fullBatch = await must(db, ['batch', 'run', '--date', AS_OF]);
  const afterBatch = await hashes(db);
  for (let k = 0; k < KILLS; k++) {
    const at = Math.round(300 + Math.random() * Math.max(500, fullBatch.ms - 300));
    const killed = await guanhu(db, ['batch', 'run', '--date', AS_OF], at);
    const rerun = await guanhu(db, ['batch', 'run', '--date', AS_OF]);
    const got = await hashes(db);
    const differs = diff(got, afterBatch);
    kills.push({ job: 'batch', killAtMs: at, killed: killed.killed, rerunExit: rerun.code, differs });
    log(
      `${name}: batch killed at ${at} ms (${killed.killed ? 'mid-run' : 'after it ended'}), re-run ${rerun.code}, differs: ${differs.join(', ') || 'none'}`,
    );
  }
  const ok = kills.filter((k) => k.rerunExit === 0 && (k.differs as string[]).length === 0).length;
  return {
    name,
    fullImportMs: fullA.ms,
    fullBatchMs: fullBatch.ms,
    kills: kills.length,
    killedMidRun: kills.filter((k) => k.killed).length,
    consistentAfterRerun: ok,
    details: kills,
  };
}

const work = mkdtempSync(join(tmpdir(), 'guanhu-kill9-'));
try {
  const filesA = join(work, 'a');
  const filesB = join(work, 'b');
  await generateFiles({ scale: 'XS', seed: 1, asOf: AS_OF, days: 1, outDir: filesA });
  await generateFiles({ scale: 'XS', seed: 2, asOf: AS_OF, days: 1, outDir: filesB });
  const cases = [];
  const dataDir = join(work, 'data');
  cases.push(await runCase({ kind: 'pglite', dataDir }, 'pglite', filesA, filesB));
  if (existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
  const url = await recreateDatabase('guanhu_kill9');
  cases.push(await runCase({ kind: 'postgres', url }, 'postgres', filesA, filesB));
  writeResult('kill9', {
    killsPerCase: KILLS,
    cases: cases.map((c) => ({ ...c, details: c.details })),
    summary: cases.map(
      (c) =>
        `${c.name}: ${c.consistentAfterRerun}/${c.kills} consistent after re-run (${c.killedMidRun} killed mid-run)`,
    ),
    seconds: round(performance.now() / 1000, 1),
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
