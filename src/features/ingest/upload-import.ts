/**
 * Importing files uploaded from the web: the files are saved under their own names (a name
 * carries the kind and the business date) in <GUANHU_DATA_DIR>/uploads/<job>, then that folder is
 * imported exactly as `guanhu import <folder>` would, in the background, under the pipeline job
 * lock. A name that is not a contract file name refuses the whole upload, naming the files.
 */
import { createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { CONFIG_ROLES, requireRole } from '../../platform/auth/roles.js';
import { writeAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { query } from '../../platform/db/query.js';
import { parseFileName } from './file-name.js';
import { importPath } from './import-path.js';
import type { JobRegistry, PipelineJob } from './pipeline-jobs.js';
import type { FileResult } from './types.js';

export interface UploadedPart {
  filename: string;
  file: Readable & { truncated?: boolean };
}

export interface UploadOptions {
  dataDir: string;
  maxBytes: number;
  ip?: string;
}

/** Checks the role and takes the job slot before anything is read. */
export function reserveImport(ctx: Ctx, jobs: JobRegistry, actor: Actor): PipelineJob {
  requireRole(actor, CONFIG_ROLES, 'imports');
  return jobs.reserve('import', actor.username, ctx.clock.now());
}

export async function uploadAndImport(
  ctx: Ctx,
  jobs: JobRegistry,
  actor: Actor,
  job: PipelineJob,
  parts: AsyncIterable<UploadedPart>,
  opts: UploadOptions,
): Promise<PipelineJob> {
  const dir = join(opts.dataDir, 'uploads', job.id);
  const sizes = new Map<string, number>();
  try {
    mkdirSync(dir, { recursive: true });
    const bad: string[] = [];
    for await (const part of parts) {
      const name = part.filename;
      if (basename(name) !== name || !parseFileName(name) || sizes.has(name)) {
        bad.push(name);
        part.file.resume();
        continue;
      }
      const path = join(dir, name);
      try {
        await pipeline(part.file, createWriteStream(path));
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' || part.file.truncated)
          throw tooLarge(name, opts.maxBytes);
        throw err;
      }
      if (part.file.truncated) throw tooLarge(name, opts.maxBytes);
      sizes.set(name, statSync(path).size);
    }
    if (bad.length)
      throw new AppError(
        'VALIDATION',
        `not contract file names (expected <kind>.csv or <kind>_YYYYMMDD.csv, each once): ${bad.join(', ')}`,
        { details: { reason: 'bad_file_name', files: bad } },
      );
    if (sizes.size === 0)
      throw new AppError('VALIDATION', 'no files in the upload', { details: { reason: 'no_files', files: [] } });
  } catch (err) {
    jobs.drop(job);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }

  job.total = [...sizes.values()].reduce((a, b) => a + b, 0);
  job.phase = null;
  const finished = new Map<string, number>();
  const reportRoot = join(opts.dataDir, 'imports');
  try {
    await jobs.start(
      ctx.handle,
      job,
      async () => {
        await writeAudit(ctx.db, {
          action: 'import_started',
          entityType: 'import_job',
          entityId: job.id,
          actorUserId: actor.userId,
          actorStaffId: actor.staffId,
          ip: opts.ip ?? null,
          after: { files: [...sizes.entries()].map(([file, bytes]) => ({ file, bytes })) },
        });
        const res = await importPath(
          ctx.handle,
          dir,
          {
            reportRoot,
            onFile: async (f) => {
              finished.set(f.file, sizes.get(f.file) ?? 0);
              job.done = sum(finished);
              job.files.push(await jobFile(ctx, f));
            },
          },
          (p) => {
            job.phase = p.phase;
            job.done = sum(finished) + (finished.has(p.phase) ? 0 : p.done);
          },
        );
        job.skipped = res.skipped;
        job.done = job.total;
        job.phase = null;
        const failed = res.files.filter((f) => f.status === 'failed').length;
        if (failed) job.message = `${failed} of ${res.files.length} files failed`;
      },
      () => ctx.clock.now(),
    );
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return job;
}

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

async function jobFile(ctx: Ctx, f: FileResult) {
  const [row] = await query<{ id: number }>(
    ctx.db,
    sql`SELECT id::int AS id FROM import_files WHERE file_name = ${f.file} AND checksum = ${f.checksum}
        ORDER BY id DESC LIMIT 1`,
  );
  return {
    file: f.file,
    kind: f.kind,
    businessDate: f.businessDate,
    status: f.status,
    read: f.read,
    loaded: f.loaded,
    rejected: f.rejected,
    message: f.message,
    topReasons: f.topReasons,
    importFileId: row ? Number(row.id) : null,
    rejectsAvailable: f.rejectsPath !== null && f.rejected > 0,
  };
}

function tooLarge(name: string, maxBytes: number): AppError {
  const mb = Math.round(maxBytes / 1024 / 1024);
  return new AppError('VALIDATION', `${name} is larger than the upload limit of ${mb} MB (GUANHU_UPLOAD_MAX_MB)`, {
    details: { reason: 'too_large', files: [name], maxMb: mb },
  });
}
