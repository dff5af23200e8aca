/**
 * Node's pass over a file: decode, split, check the header, COPY the records into a fresh
 * staging table. Returns what the later SQL steps need; structural rejects stay on the splitter.
 */
import type { DbHandle } from '../../platform/db/client.js';
import type { Encoding } from './detect-encoding.js';
import { SPECS, type Kind } from './file-kinds.js';
import { mapHeader } from './map-header.js';
import type { SplitBatch } from './record-splitter.js';
import { newReadState, readRecords, type ReadState } from './read-records.js';
import { copyIntoStage, createStage } from './stage-file.js';
import type { Staged } from './staged-rows.js';

export interface StageInput {
  path: string;
  kind: Kind;
  encoding: Encoding;
  stage: string;
  rejects: string;
  onBytes: (bytes: number) => void;
}

export async function loadStage(
  h: DbHandle,
  i: StageInput,
): Promise<{ staged: Staged; read: ReadState; warnings: string[] }> {
  const spec = SPECS[i.kind];
  const read = newReadState(i.encoding);
  const batches = readRecords(i.path, i.encoding, read, i.onBytes);
  // Pull until the header record has been seen: it names the staging table's columns.
  const head: SplitBatch[] = [];
  while (!read.splitter.header) {
    const next = await batches.next();
    if (next.done) break;
    head.push(next.value);
  }
  const header = mapHeader(spec, read.splitter.header);
  await createStage(h, i.stage, header.stageColumns);
  await copyIntoStage(h, i.stage, header.stageColumns, concat(head, batches));
  return {
    staged: { spec, stage: i.stage, rejects: i.rejects, present: header.present, businessDate: null },
    read,
    warnings: header.warnings,
  };
}

async function* concat(head: SplitBatch[], rest: AsyncIterable<SplitBatch>): AsyncGenerator<SplitBatch> {
  yield* head;
  yield* rest;
}
