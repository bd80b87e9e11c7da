/**
 * The studies: their links round-trip and correct what they must, each check passes on its own
 * job (the seeds its text states, where cheap) and fails on a result that contradicts it, and
 * the `flatland-study/1` export validates.
 */
import { describe, expect, it } from 'vitest';
import { runJob } from '../../engine/jobs/runJob';
import { defaultExperimentSpec } from '../../protocol/defaultExperiment';
import { exportToJson } from '../../protocol/exportJson';
import type { BinaryJob, BinaryResult } from '../../protocol/jobs/binaryJob';
import type { DevicesResult } from '../../protocol/jobs/devicesJob';
import type { GoldilocksResult } from '../../protocol/jobs/goldilocksJob';
import type { SimpleModelResult } from '../../protocol/jobs/simpleModelJob';
import { decodePermalink, encodePermalink } from '../../protocol/permalink';
import { CATALOG, PRESETS } from '..';
import { fbpStudy } from './fbp';
import { goldilocksSweepStudy } from './goldilocksSweep';
import { noWfmStudy } from './noWfm';
import { STUDIES, findStudy } from './registry';
import { simpleModelStudy } from './simpleModel';
import { checkStudy, type StudySelection } from '../../protocol/studies/study';
import {
  STUDY_FORMAT,
  studyDocument,
  validateStudyDocument,
} from '../../protocol/studies/studyExport';

const base = defaultExperimentSpec();
const decode = (hash: string) => decodePermalink(hash, base, CATALOG);
const link = (study: StudySelection) =>
  encodePermalink({ spec: base, backend: 'auto', study }, base, CATALOG);

describe('study links', () => {
  it('have ids of their own, and a bare study link opens its own job', () => {
    for (const study of STUDIES) {
      expect(PRESETS.some((p) => p.id === study.id)).toBe(false);
      const decoded = decode(`#preset=${study.id}`);
      expect(decoded.corrections).toEqual([]);
      expect(decoded.study).toEqual({ id: study.id, job: study.job });
      expect(decoded.preset).toBeNull();
      expect(link({ id: study.id, job: study.job })).toBe(`#v=1&preset=${study.id}`);
    }
  });

  it('carry every field a form may set, and read it back unchanged', () => {
    const job: BinaryJob = {
      ...fbpStudy.job,
      inputs: 303,
      hidden: 3,
      tree: true,
      alpha: 0.45,
      solvers: ['focusingBP', 'leastAction'],
      sweeps: 777,
      distances: [0.01, 0.03],
      samples: 50,
      seed: 9,
    };
    const hash = link({ id: 'fbp', job });
    expect(hash).toContain('job.solvers=focusingBP,leastAction');
    const decoded = decode(hash);
    expect(decoded.corrections).toEqual([]);
    expect(decoded.study).toEqual({ id: 'fbp', job });
    for (const study of [simpleModelStudy, goldilocksSweepStudy]) {
      const seeded = { ...study.job, seed: 42 };
      expect(decode(link({ id: study.id, job: seeded })).study?.job).toEqual(seeded);
    }
  });

  it('correct bad values in sentences and keep the study', () => {
    const decoded = decode(
      '#preset=fbp&job.n=200&job.alpha=x&job.solvers=focusingBP,magic&job.zz=1',
    );
    expect(decoded.study?.id).toBe('fbp');
    const job = decoded.study?.job as BinaryJob;
    expect(job.inputs).toBe(201);
    expect(job.alpha).toBe(fbpStudy.job.alpha);
    expect(job.solvers).toEqual(fbpStudy.job.solvers);
    const text = decoded.corrections.join(' ');
    expect(text).toMatch(/N = 201/);
    expect(text).toMatch(/job\.alpha "x" is not a number/);
    expect(text).toMatch(/"magic"/);
    expect(text).toMatch(/Ignored the unknown setting "job\.zz"/);
    const clipped = decode('#preset=fbp&job.k=3&job.solvers=clippedPerceptron,annealing');
    expect((clipped.study?.job as BinaryJob).solvers).toEqual(['annealing']);
    expect(clipped.corrections.join(' ')).toMatch(/clipped perceptron/);
    expect(decode('#job.n=301').corrections.join(' ')).toMatch(/Ignored the unknown setting/);
  });

  it('never throw on junk', () => {
    for (const junk of [
      '#preset=simple-model&job.C=',
      '#preset=goldilocks-sweep&job.r=1',
      '#preset=fbp&job.d=%E0%A4%A',
    ]) {
      const decoded = decode(junk);
      expect(decoded.study).not.toBeNull();
      expect(decoded.corrections.length).toBeGreaterThan(0);
    }
  });
});

describe('study checks', () => {
  it('focusing BP vs annealing holds on seeds 1–5 (pure JS, the same on every backend)', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const job = { ...fbpStudy.job, seed };
      const result = (await runJob(job, {})) as BinaryResult;
      const check = fbpStudy.check(result, job);
      expect(check.ok, check.detail).toBe(true);
    }
  });

  it('fails when annealing’s solution is as dense as focusing BP’s', () => {
    const curve = Float64Array.of(1, 1, 0.9, 0.5, 0.1);
    const solver = (solver: 'focusingBP' | 'annealing') => ({
      solver,
      solved: true,
      errors: 0,
      sweeps: 100,
      fraction: curve,
      localEntropy: curve,
      shellEntropy: curve,
    });
    const result: BinaryResult = {
      kind: 'binary',
      distances: Float64Array.from(fbpStudy.job.distances),
      results: [solver('focusingBP'), solver('annealing')],
    };
    expect(fbpStudy.check(result, fbpStudy.job).ok).toBe(false);
  });

  it(
    'the parity machine’s solutions are isolated where the committee’s are wide (seeds 1–2)',
    { timeout: 120_000 },
    async () => {
      for (const seed of [1, 2]) {
        const job = { ...noWfmStudy.job, seed };
        const result = (await runJob(job, {})) as DevicesResult;
        const check = noWfmStudy.check(result, job);
        expect(check.ok, check.detail).toBe(true);
        // Both devices as wide as the committee: no claim.
        const committee = result.curves[0]!;
        const wide = {
          ...result,
          curves: [committee, { ...committee, machine: 'parity' as const }],
        };
        expect(noWfmStudy.check(wide, job).ok).toBe(false);
      }
    },
  );

  it('the simple model shows C outliers, confinement and the rise and fall', async () => {
    for (const classes of [3, 5]) {
      for (const seed of [1, 2, 3]) {
        const job = { ...simpleModelStudy.job, classes, seed };
        const result = (await runJob(job, {})) as SimpleModelResult;
        const check = simpleModelStudy.check(result, job);
        expect(check.ok, check.detail).toBe(true);
      }
    }
    const flatSweep: SimpleModelResult = {
      ...((await runJob(simpleModelStudy.job, {})) as SimpleModelResult),
      sweep: { scales: Float64Array.of(1, 2, 4), lambdaMax: Float64Array.of(1, 2, 4) },
    };
    expect(simpleModelStudy.check(flatSweep, simpleModelStudy.job).ok).toBe(false);
  });

  // The full sweep runs in the browser test (studies.e2e.ts), in Node and in the page alike.
  it('the Goldilocks check reads the order of the errors and the measure', () => {
    const job = goldilocksSweepStudy.job;
    const result: GoldilocksResult = {
      kind: 'goldilocks',
      scales: Float64Array.from(job.scales),
      traceOverFrobenius: Float64Array.of(0.2, 0.9, 2.1, 1.8, 1.7, -0.3),
      traceOverFrobeniusSpread: new Float64Array(6),
      positiveFraction: new Float64Array(6).fill(0.5),
      initialLoss: new Float64Array(6).fill(1),
      finalLoss: new Float64Array(6).fill(0.5),
      finalError: Float64Array.of(0.18, 0.15, 0.15, 0.24, 0.41, 0.45),
      subspaceDim: 30,
      paramCount: 340,
    };
    expect(checkStudy(goldilocksSweepStudy, job, result).ok).toBe(true);
    const flat = { ...result, finalError: Float64Array.of(0.2, 0.2, 0.3, 0.3, 0.25, 0.5) };
    expect(checkStudy(goldilocksSweepStudy, job, flat).ok).toBe(false);
    const noZone = { ...result, traceOverFrobenius: Float64Array.of(0.1, 0.1, 0.1, 0.1, 0.1, 0.5) };
    expect(checkStudy(goldilocksSweepStudy, job, noZone).ok).toBe(false);
    // A result of another kind is not this study's.
    expect(checkStudy(goldilocksSweepStudy, job, { ...result, kind: 'binary' } as never).ok).toBe(
      false,
    );
  });
});

describe('flatland-study/1', () => {
  it('is valid JSON with the verdict, and its link opens the same job', async () => {
    const job = { ...fbpStudy.job, seed: 3 };
    const result = await runJob(job, {});
    const doc = studyDocument(findStudy('fbp')!, job, result, 'cpu');
    const parsed = JSON.parse(exportToJson(doc)) as Record<string, unknown>;
    expect(parsed.format).toBe(STUDY_FORMAT);
    expect(validateStudyDocument(parsed)).toEqual([]);
    expect(decode(doc.link).study).toEqual({ id: 'fbp', job });
    expect(validateStudyDocument({ ...parsed, verdict: { ok: 'yes' } }).length).toBeGreaterThan(0);
    expect(validateStudyDocument({ ...parsed, format: 'flatland/1' })[0]).toMatch(/format/);
  });
});
