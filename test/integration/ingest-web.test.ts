import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { loginAs, seededBank, type TestBank } from '../support/app.js';
import { query } from '../../src/platform/db/query.js';
import { buildApp } from '../../src/platform/http/app.js';
import { loadConfig } from '../../src/platform/config.js';
import { modules } from '../../src/modules.js';
import { defineModule } from '../../src/platform/module.js';
import { defineStep } from '../../src/platform/jobs/batch-step.js';

const dataDir = mkdtempSync(join(tmpdir(), 'guanhu-web-import-'));
let bank: TestBank;
const cookies: Record<string, string> = {};
const DAY = '2026-11-21';

/** a multipart/form-data body with one part per file, as a browser sends it */
export function multipart(files: { name: string; content: string | Buffer }[]) {
  const boundary = `----guanhu${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const upload = (user: string, files: { name: string; content: string | Buffer }[]) => {
  const body = multipart(files);
  return bank.app.inject({
    method: 'POST',
    url: '/api/ingest/uploads',
    payload: body.payload,
    headers: { ...body.headers, cookie: cookies[user]! },
  });
};
const get = (user: string, url: string) => bank.app.inject({ method: 'GET', url, headers: { cookie: cookies[user]! } });
const runBatch = (user: string, date?: string) =>
  bank.app.inject({
    method: 'POST',
    url: '/api/ingest/batch',
    payload: date ? { date } : {},
    headers: { cookie: cookies[user]! },
  });

interface Job {
  id: string;
  status: string;
  done: number;
  total: number;
  files: {
    file: string;
    status: string;
    read: number;
    loaded: number;
    rejected: number;
    importFileId: number | null;
    rejectsAvailable: boolean;
    topReasons: { column: string; reason: string; count: number }[];
  }[];
  dates: string[];
  steps: { date: string; name: string }[];
  message: string | null;
}

async function waitFor(id: string): Promise<Job> {
  for (let i = 0; i < 600; i++) {
    const res = await get('admin', `/api/ingest/jobs/${id}`);
    expect(res.statusCode).toBe(200);
    const job = res.json<Job>();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not finish`);
}

let holdings = '';
beforeAll(async () => {
  bank = await seededBank({ config: { dataDir } });
  for (const u of ['admin', 'hq01', 'rm0001']) cookies[u] = await loginAs(bank.app, u);
  // the next day's holdings: the seeded day's, plus one row for a customer the bank does not have
  const rows = await query<{ c: string; a: string; p: string; b: string; m: string | null }>(
    bank.ctx.db,
    sql`SELECT customer_id AS c, account_id AS a, product_id AS p, (balance_fen / 100.0)::numeric(20,2)::text AS b,
               maturity_date::text AS m FROM holdings WHERE as_of_date = '2026-11-20' ORDER BY account_id, product_id`,
  );
  holdings = [
    'as_of_date,customer_id,account_id,product_id,balance,maturity_date',
    ...rows.map((r) => `${DAY},${r.c},${r.a},${r.p},${r.b},${r.m ?? ''}`),
    `${DAY},C99999999,6217999999999999,${rows[0]!.p},1.00,`,
    '',
  ].join('\n');
}, 180_000);
afterAll(async () => bank?.close());

describe('imports from the web', () => {
  let holdingsFileId = 0;

  it('the seeded demo has its import history: every kind, loaded, with that day’s rows', async () => {
    const list = (await get('admin', '/api/admin/imports')).json<{
      items: { fileName: string; kind: string; status: string; rowsLoaded: number; businessDate: string | null }[];
    }>();
    expect(list.items.map((r) => r.kind).sort()).toEqual([
      'complaints',
      'contacts',
      'customers',
      'holdings',
      'org',
      'products',
      'relationships',
      'staff',
      'transactions',
    ]);
    expect(list.items.every((r) => r.status === 'loaded')).toBe(true);
    const h = list.items.find((r) => r.kind === 'holdings')!;
    expect(h).toMatchObject({ fileName: 'holdings_20261120.csv', businessDate: '2026-11-20' });
    const [n] = await query<{ n: number }>(
      bank.ctx.db,
      sql`SELECT count(*)::int AS n FROM holdings WHERE as_of_date = '2026-11-20'`,
    );
    expect(h.rowsLoaded).toBe(n!.n);
  });

  it('refuses people outside admin and head office, before reading anything', async () => {
    const res = await upload('rm0001', [{ name: `holdings_${DAY.replace(/-/g, '')}.csv`, content: holdings }]);
    expect(res.statusCode).toBe(403);
    expect((await runBatch('rm0001', DAY)).statusCode).toBe(403);
    expect((await get('rm0001', '/api/ingest/jobs')).statusCode).toBe(403);
    expect((await get('rm0001', '/api/ingest/files/1/rejects')).statusCode).toBe(403);
  });

  it('refuses a name that is not a contract file, naming it, and keeps nothing', async () => {
    const res = await upload('admin', [
      { name: 'contacts_20261121.csv', content: 'x\n' },
      { name: 'notes.txt', content: 'hello' },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'bad_file_name', files: ['notes.txt'] },
    });
    expect(res.json().message).toContain('notes.txt');
    expect((await get('admin', '/api/ingest/jobs')).json().items).toEqual([]);
  });

  it('uploads two files, imports them in the background, and the rows and rejects are there', async () => {
    const contacts = readFileSync('test/fixtures/ingest/rows/contacts_20261117.csv');
    const res = await upload('admin', [
      { name: 'holdings_20261121.csv', content: holdings },
      { name: 'contacts_20261117.csv', content: contacts },
    ]);
    expect(res.statusCode).toBe(202);
    const started = res.json<Job>();
    expect(started.total).toBe(Buffer.byteLength(holdings) + contacts.length);
    const job = await waitFor(started.id);
    expect(job.status).toBe('succeeded');
    expect(job.done).toBe(job.total);
    const h = job.files.find((f) => f.file === 'holdings_20261121.csv')!;
    expect(h).toMatchObject({ status: 'loaded', rejected: 1, rejectsAvailable: true });
    expect(h.loaded).toBe(h.read - 1);
    expect(h.topReasons[0]).toMatchObject({ column: 'customer_id', reason: 'unknown customer', count: 1 });
    expect(job.files.map((f) => f.file).sort()).toEqual(['contacts_20261117.csv', 'holdings_20261121.csv']);

    const [n] = await query<{ n: number }>(
      bank.ctx.db,
      sql`SELECT count(*)::int AS n FROM holdings WHERE as_of_date = ${DAY}::date`,
    );
    expect(n!.n).toBe(h.loaded);
    const list = (await get('admin', '/api/admin/imports')).json<{
      items: { id: number; fileName: string; rowsRejected: number }[];
    }>();
    const row = list.items.find((r) => r.fileName === 'holdings_20261121.csv')!;
    expect(row).toMatchObject({ id: h.importFileId, rowsRejected: 1 });
    holdingsFileId = row.id;
    // the uploads stay where the run's files belong
    expect(readFileSync(join(dataDir, 'uploads', started.id, 'holdings_20261121.csv'), 'utf8')).toBe(holdings);
  });

  it('downloads a file’s rejects as a CSV attachment, audited; 404 when a file has none', async () => {
    const res = await get('hq01', `/api/ingest/files/${holdingsFileId}/rejects`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="holdings_20261121.rejects.csv"');
    expect(res.body).toContain('C99999999');
    expect(res.body).toContain('unknown customer');
    const [audit] = await query<{ n: number }>(
      bank.ctx.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'export' AND entity_type = 'import_rejects' AND entity_id = ${String(holdingsFileId)}`,
    );
    expect(audit!.n).toBe(1);
    const [clean] = await query<{ id: number }>(
      bank.ctx.db,
      sql`SELECT min(id)::int AS id FROM import_files WHERE rejects_path IS NULL`,
    );
    expect((await get('admin', `/api/ingest/files/${clean!.id}/rejects`)).statusCode).toBe(404);
    expect((await get('admin', '/api/ingest/files/999999/rejects')).statusCode).toBe(404);
  });

  it('never serves a path outside the imports root, whatever the row says', async () => {
    await bank.ctx.db.execute(sql`UPDATE import_files SET rejects_path = '/etc/passwd' WHERE id = ${holdingsFileId}`);
    expect((await get('admin', `/api/ingest/files/${holdingsFileId}/rejects`)).statusCode).toBe(404);
    await bank.ctx.db.execute(
      sql`UPDATE import_files SET rejects_path = ${join(dataDir, 'imports', '..', 'uploads')} WHERE id = ${holdingsFileId}`,
    );
    expect((await get('admin', `/api/ingest/files/${holdingsFileId}/rejects`)).statusCode).toBe(404);
  });

  it('runs the nightly batch for the uploaded date, refusing a second job while it runs', async () => {
    // an app whose batch ends with a step that waits for the test, so "while it runs" is certain
    let open = () => undefined as void;
    const gate = new Promise<void>((r) => (open = r));
    const gated = await buildApp(bank.ctx, { ...loadConfig({}), dataDir }, [
      ...modules,
      defineModule({
        name: 'gate',
        steps: [
          defineStep({
            name: 'gate',
            description: 'test: waits',
            after: ['org-tier'],
            run: async () => (await gate, { rows: 0 }),
          }),
        ],
      }),
    ]);
    await gated.ready();
    try {
      const as = (user: string) => ({ cookie: cookies[user]! });
      const res = await gated.inject({
        method: 'POST',
        url: '/api/ingest/batch',
        payload: { date: DAY },
        headers: as('admin'),
      });
      expect(res.statusCode).toBe(202);
      const id = res.json<Job>().id;
      const again = await gated.inject({ method: 'POST', url: '/api/ingest/batch', payload: {}, headers: as('hq01') });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'CONFLICT', details: { reason: 'job_running', jobId: id } });
      const body = multipart([{ name: 'holdings_20261121.csv', content: holdings }]);
      const up = await gated.inject({
        method: 'POST',
        url: '/api/ingest/uploads',
        payload: body.payload,
        headers: { ...body.headers, ...as('admin') },
      });
      expect(up.statusCode).toBe(409);
      const poll = async () =>
        (await gated.inject({ method: 'GET', url: `/api/ingest/jobs/${id}`, headers: as('admin') })).json<Job>();
      for (let i = 0; i < 300 && (await poll()).steps.length < 4; i++) await new Promise((r) => setTimeout(r, 100));
      const running = await poll();
      expect(running).toMatchObject({ status: 'running', dates: [DAY], total: 5 });
      expect(running.steps.map((s) => s.name)).toEqual(['aum', 'tiers', 'org-tier', 'stewardship']);
      open();
      let job = await poll();
      for (let i = 0; i < 300 && job.status === 'running'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        job = await poll();
      }
      expect(job).toMatchObject({ status: 'succeeded', done: 5, total: 5 });
    } finally {
      open();
      await gated.close();
    }
    const [run] = await query<{ status: string }>(
      bank.ctx.db,
      sql`SELECT status FROM batch_runs WHERE business_date = ${DAY}::date ORDER BY started_at DESC LIMIT 1`,
    );
    expect(run!.status).toBe('succeeded');
    const [aum] = await query<{ d: string }>(
      bank.ctx.db,
      sql`SELECT value AS d FROM system_state WHERE key = 'aum_as_of'`,
    );
    expect(aum!.d).toBe(DAY);
    const [audits] = await query<{ n: number }>(
      bank.ctx.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action IN ('import_started', 'batch_started')`,
    );
    expect(audits!.n).toBe(2);
  });

  it('runs the batch through the plain app too: every loaded date not yet processed when none is given', async () => {
    const res = await runBatch('hq01');
    expect(res.statusCode).toBe(202);
    const job = await waitFor(res.json<Job>().id);
    expect(job.status).toBe('succeeded');
    expect(job.done).toBe(job.total);
  });
});
