/**
 * A bank's first install from the command line: load the org tree, create the first
 * administrator with `guanhu users add`, sign in with the one-time password it prints, which
 * must be changed first. PGlite only (vitest.config.ts): the command uses its own embedded database.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modules } from '../../src/modules.js';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase } from '../../src/platform/db/client.js';
import { buildApp } from '../../src/platform/http/app.js';
import { createLogger } from '../../src/platform/log.js';
import { systemClock } from '../../src/platform/context.js';

const guanhu = (args: string[], env: Record<string, string>, input?: string) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      'node',
      ['bin/guanhu.mjs', ...args],
      { env: { ...process.env, ...env }, timeout: 120_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input ?? '');
  });

describe('guanhu users (first install)', () => {
  it(
    'creates the first administrator with a one-time password that must be changed at first sign-in',
    { timeout: 240_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'guanhu-users-cli-'));
      const env = { DATABASE_URL: '', GUANHU_DATA_DIR: join(dir, 'data') };
      const early = await guanhu(['users', 'add', 'admin', '--role', 'admin'], env);
      expect(early.code).toBe(1);
      expect(early.stderr).toContain('no head office yet: load org.csv first');

      writeFileSync(join(dir, 'org.csv'), 'org_id,parent_id,level,name\nHQ,,head_office,总行\nBR1,HQ,branch,分行\n');
      expect((await guanhu(['import', join(dir, 'org.csv')], env)).code).toBe(0);
      const weak = await guanhu(['users', 'add', 'ops', '--role', 'head_office', '--password-stdin'], env, 'short\n');
      expect(weak.code).toBe(1);
      expect(weak.stderr).toContain('at least 10 characters');
      const withPw = await guanhu(
        ['users', 'add', 'ops', '--role', 'head_office', '--password-stdin'],
        env,
        'Zonghang2026hq\n',
      );
      expect(withPw.code).toBe(0);
      expect(withPw.stdout).not.toContain('one-time');

      const add = await guanhu(['users', 'add', 'admin', '--role', 'admin', '--name', '系统管理员'], env);
      expect(add.code).toBe(0);
      const lines = add.stdout.trim().split('\n');
      expect(lines[0]).toBe('created login admin for staff ADMIN (admin)');
      const password = lines.at(-1)!;
      expect(password).toMatch(/^[A-Za-z0-9]{12}$/);
      const list = await guanhu(['users', 'list'], env);
      expect(list.stdout).toMatch(/admin\s+ADMIN\s+admin\s+HQ\s+one-time password/);
      expect(list.stdout).toMatch(/ops\s+OPS\s+head_office\s+HQ\s+active/);

      const h = await openDatabase({ dataDir: env.GUANHU_DATA_DIR });
      try {
        const app = await buildApp(
          { db: h.db, handle: h, log: createLogger('silent'), clock: systemClock },
          loadConfig({}),
          modules,
        );
        const login = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'admin', password },
        });
        expect(login.statusCode).toBe(200);
        expect(login.json()).toMatchObject({ username: 'admin', role: 'admin', orgId: 'HQ', mustChangePassword: true });
        await app.close();
      } finally {
        await h.close();
      }
    },
  );
});
