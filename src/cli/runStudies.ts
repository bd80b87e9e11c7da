/**
 * `npm run lab -- --preset <study>`: the study's job on the page's engine (src/engine/jobs), once
 * per seed, each written as `flatland-study/1` with its verdict; a sweep (`--seeds`) also writes
 * FILE-summary.csv (seed, verdict, detail) and prints it.
 */
import { writeFileSync } from 'node:fs';
import { csvFormat } from 'd3';
import { runJob } from '../engine/jobs/runJob';
import { exportToJson } from '../protocol/exportJson';
import type { JobSpec } from '../protocol/jobs';
import type { AnyStudy } from '../protocol/studies/study';
import { studyDocument, type StudyDocument } from '../protocol/studies/studyExport';
import { progressReporter } from './progressBar';

export interface StudyRunOptions {
  readonly backend: 'cpu' | 'wasm';
  /** The file (one seed) or the prefix (a sweep); standard output without. */
  readonly out?: string;
  readonly sweep: boolean;
  readonly progress: (text: string) => void;
  /** Progress goes to a terminal (a bar redrawn in place), not a log (a line per tenth). */
  readonly terminal?: boolean;
}

/** Runs `job` at each seed; returns the documents (also written as the options say). */
export async function runStudies(
  study: AnyStudy,
  job: JobSpec,
  seeds: readonly number[],
  options: StudyRunOptions,
): Promise<StudyDocument[]> {
  const documents: StudyDocument[] = [];
  const rows: Record<string, string | number>[] = [];
  const report = progressReporter(options.progress, options.terminal ?? false);
  for (const [index, seed] of seeds.entries()) {
    const seeded = { ...job, seed } as JobSpec;
    const prefix = options.sweep ? `seed ${seed} (${index + 1}/${seeds.length}) ` : '';
    const started = performance.now();
    const result = await runJob(seeded, {
      onProgress: (fraction) => report(Math.round(fraction * 100), 100, '%', prefix),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const doc = studyDocument(study, seeded, result, options.backend);
    options.progress(
      `${options.terminal ? '\n' : ''}lab: ${study.id} on ${options.backend} in ${seconds} s\n`,
    );
    options.progress(`lab: verdict ${doc.verdict.ok ? '✓' : '✗'} ${doc.verdict.detail}\n`);
    const json = exportToJson(doc);
    const file = options.sweep ? `${options.out}-seed${seed}.json` : options.out;
    if (file) {
      writeFileSync(file, json);
      options.progress(`lab: wrote ${file} (${(json.length / 1024).toFixed(0)} KiB)\n`);
    } else process.stdout.write(`${json}\n`);
    documents.push(doc);
    rows.push({ seed, ok: String(doc.verdict.ok), seconds, detail: doc.verdict.detail });
  }
  if (options.sweep) {
    const csv = csvFormat(rows);
    writeFileSync(`${options.out}-summary.csv`, `${csv}\n`);
    const held = rows.filter((r) => r.ok === 'true').length;
    process.stdout.write(`${csv}\n`);
    options.progress(
      `lab: wrote ${options.out}-summary.csv; verdict held on ${held} of ${rows.length} seeds\n`,
    );
  }
  return documents;
}
