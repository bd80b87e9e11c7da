import { describe, expect, it } from 'vitest';
import { defaultExperimentSpec } from './defaultExperiment';
import { decodePermalink, encodePermalink, queryPairs, type Permalink } from './permalink';
import { CATALOG, PRESETS } from '../presets';
import { BACKEND_LADDER, type BackendChoice } from './backend';
import { DEFAULT_PRESENTATION } from './presentation';
import { SpecGenerator, seededRandom } from './testing/randomSpec.node';
import { isValidSpec, validateSpec } from './validateSpec';

const base = defaultExperimentSpec();
const BACKENDS: readonly BackendChoice[] = ['auto', ...BACKEND_LADDER];

describe('the random spec generator', () => {
  it('makes valid specs only', () => {
    const gen = new SpecGenerator(seededRandom(1));
    for (let i = 0; i < 300; i++) {
      const spec = gen.spec();
      expect(validateSpec(spec), JSON.stringify(spec)).toEqual([]);
    }
  });
});

describe('encodePermalink / decodePermalink', () => {
  it('writes the default experiment as a bare version', () => {
    expect(encodePermalink({ spec: base, backend: 'auto' }, base, CATALOG)).toBe('#v=1');
    const decoded = decodePermalink('#v=1', base, CATALOG);
    expect(decoded.spec).toEqual(base);
    expect(decoded.corrections).toEqual([]);
    expect(decoded.presentation).toEqual(DEFAULT_PRESENTATION);
  });

  it('writes only what differs, with short readable keys', () => {
    const sgd = base.runs[0]!;
    const spec = {
      ...base,
      seed: 7,
      runs: [{ ...sgd, optimizer: { ...sgd.optimizer, lr: 0.05 } }, ...base.runs.slice(1)],
    };
    expect(encodePermalink({ spec, backend: 'wasm' }, base, CATALOG)).toBe(
      '#v=1&backend=wasm&seed=7&sgd.lr=0.05',
    );
    expect(
      encodePermalink(
        {
          spec: {
            ...base,
            model: { kind: 'mlp', hidden: [8, 8, 8], activation: 'tanh', initScale: 1 },
          },
          backend: 'auto',
          presentation: { ...DEFAULT_PRESENTATION, lecture: true, hide: ['controls', 'spectrum'] },
        },
        base,
        CATALOG,
      ),
    ).toBe('#v=1&model.hidden=8,8,8&model.act=tanh&lecture=1&hide=controls,spectrum');
  });

  it('round-trips random valid specs over the default, random bases and every preset', () => {
    const gen = new SpecGenerator(seededRandom(20240607));
    const bases = [base, ...PRESETS.map((p) => p.spec)];
    for (let i = 0; i < 1500; i++) {
      const spec = gen.spec();
      const preset = i % 3 === 0 ? gen.pick(PRESETS) : null;
      const over = i % 3 === 1 ? gen.spec() : gen.pick(bases);
      const link: Permalink = {
        spec,
        backend: gen.pick(BACKENDS),
        preset: preset?.id ?? null,
        presentation: gen.presentation(),
      };
      const hash = encodePermalink(link, over, CATALOG);
      const decoded = decodePermalink(hash, over, CATALOG);
      expect(decoded.corrections, hash).toEqual([]);
      expect(decoded.spec, hash).toEqual(spec);
      expect(decoded.backend).toBe(link.backend);
      expect(decoded.preset).toBe(link.preset);
      expect(decoded.presentation).toEqual(link.presentation);
      // Canonical: encoding the decoded link again gives the same hash.
      expect(encodePermalink(decoded, over, CATALOG)).toBe(hash);
    }
  });

  it('round-trips every preset as a bare #preset=<id>', () => {
    for (const preset of PRESETS) {
      const hash = encodePermalink(
        { spec: preset.spec, backend: 'auto', preset: preset.id },
        base,
        CATALOG,
      );
      expect(hash).toBe(`#v=1&preset=${preset.id}`);
      const decoded = decodePermalink(hash, base, CATALOG);
      expect(decoded.spec).toEqual(preset.spec);
      expect(decoded.preset).toBe(preset.id);
      expect(decoded.corrections).toEqual([]);
    }
  });

  it('reads the first codec’s links (no version, seed and <id>.lr)', () => {
    const decoded = decodePermalink('#backend=wasm&sgd.lr=0.3', base, CATALOG);
    expect(decoded.corrections).toEqual([]);
    expect(decoded.backend).toBe('wasm');
    expect(decoded.spec.runs[0]?.optimizer.lr).toBe(0.3);
  });

  it('survives garbage and says what it corrected', () => {
    const decoded = decodePermalink(
      '#seed=banana&sgd.lr=-5&zzz=<img src=x onerror=alert(1)>&backend=quantum&v=99&foo.lr=1&model.hidden=8,x&sgd.mom=2',
      base,
      CATALOG,
    );
    const text = decoded.corrections.join(' ');
    expect(isValidSpec(decoded.spec)).toBe(true);
    expect(text).toContain('seed');
    expect(text).toContain('zzz');
    expect(text).toContain('backend');
    expect(text).toContain('newer Flatland');
    expect(text).toContain('There is no run "foo"');
    expect(decoded.spec.seed).toBe(base.seed);
    expect(decoded.spec.runs[0]?.optimizer.lr).toBe(1e-6);
    expect(decoded.spec.runs[0]?.optimizer).toMatchObject({ momentum: 0.999 });
    expect(decoded.spec.model).toEqual(base.model);
    expect(decoded.backend).toBe('auto');
  });

  it('reports optimizer problems (validateOptimizerSpec) and falls back to sound settings', () => {
    const decoded = decodePermalink('#esgd.ilr=0.9&esgd.gmax=3&esgd.g0=2', base, CATALOG);
    expect(decoded.corrections.join(' ')).toMatch(/η'γ must stay < 1/);
    expect(decoded.spec.runs[1]?.optimizer).toEqual(base.runs[1]?.optimizer);
    const nesterov = decodePermalink('#sgd.mom=0&sgd.nesterov=1', base, CATALOG);
    expect(nesterov.corrections.join(' ')).toMatch(/Nesterov/);
    expect(isValidSpec(nesterov.spec)).toBe(true);
  });

  it('repairs pairings that cannot train', () => {
    const decoded = decodePermalink('#data=randomPatterns', base, CATALOG);
    expect(decoded.spec.dataset.kind).toBe('randomPatterns');
    expect(decoded.spec.loss.kind).toBe('baldassi');
    expect(decoded.corrections.join(' ')).toMatch(/cross-entropy needs class labels/);
    const perceptron = decodePermalink('#model=perceptron', base, CATALOG);
    expect(perceptron.spec.model).toEqual(base.model);
    expect(perceptron.corrections.join(' ')).toMatch(/needs ±1 labels/);
  });

  it('adds and removes runs with runs=, new runs starting from SGD defaults', () => {
    const decoded = decodePermalink('#runs=sgd,adam1&adam1.opt=adam&adam1.lr=0.01', base, CATALOG);
    expect(decoded.corrections).toEqual([]);
    expect(decoded.spec.runs.map((r) => r.id)).toEqual(['sgd', 'adam1']);
    expect(decoded.spec.runs[1]?.optimizer).toMatchObject({ kind: 'adam', lr: 0.01 });
    const bad = decodePermalink('#runs=data,9x,sgd,sgd', base, CATALOG);
    expect(bad.spec.runs.map((r) => r.id)).toEqual(['sgd']);
    expect(bad.corrections).toHaveLength(3);
  });

  it('reads hyperplane runs and rescaled copies, and repairs the ones that cannot run', () => {
    const d = decodePermalink(
      '#runs=sgd,esgd,big&sgd.plane=10&big.copy=sgd&big.copy.c=4&big.copy.layer=2',
      base,
      CATALOG,
    );
    expect(d.corrections).toEqual([]);
    expect(d.spec.runs[0]?.hyperplane).toBe(10);
    expect(d.spec.runs[2]?.copy).toEqual({ of: 'sgd', layer: 2, factor: 4 });
    expect(encodePermalink({ spec: d.spec, backend: 'auto' }, base, CATALOG)).toBe(
      '#v=1&runs=sgd,esgd,big&sgd.plane=10&big.copy=sgd&big.copy.c=4&big.copy.layer=2',
    );
    expect(
      decodePermalink('#sgd.plane=full', d.spec, CATALOG).spec.runs[0]?.hyperplane,
    ).toBeUndefined();
    expect(decodePermalink('#big.copy=none', d.spec, CATALOG).spec.runs[2]?.copy).toBeUndefined();

    // A copy of a later run, of a copy, of a tanh network, of a missing layer; a copy's hyperplane.
    const cases: [string, string][] = [
      ['#esgd.copy=big&runs=sgd,esgd,big', 'an earlier run'],
      ['#runs=sgd,a,b&a.copy=sgd&b.copy=a', 'a is itself a copy'],
      ['#esgd.copy=sgd&model.act=tanh', 'ReLU MLPs only'],
      ['#esgd.copy=sgd&esgd.copy.layer=3', '2 hidden layers, not 3'],
      ['#esgd.copy=sgd&esgd.plane=5', 'does not train'],
      ['#sgd.plane=0', 'clamped to 1'],
      ['#sgd.copy.c=3', 'not a copy'],
    ];
    for (const [hash, why] of cases) {
      const r = decodePermalink(hash, base, CATALOG);
      expect(r.corrections.join(' '), hash).toContain(why);
      expect(validateSpec(r.spec), hash).toEqual([]);
    }
    const spherical = decodePermalink(
      '#data=randomPatterns&model=perceptron&sgd.plane=5',
      base,
      CATALOG,
    );
    expect(spherical.spec.runs[0]?.hyperplane).toBeUndefined();
    expect(spherical.corrections.join(' ')).toContain('keeps its weights on the sphere');
  });

  it('carries the budget and the shell tolerance, clamping what is out of range', () => {
    const base = defaultExperimentSpec();
    const d = decodePermalink('v=1&budget=900&an.tol=0.02', base, CATALOG);
    expect(d.corrections).toEqual([]);
    expect(d.spec.budget).toBe(900);
    expect(d.spec.analysis.flatness?.tolerance).toBe(0.02);
    const again = decodePermalink(
      encodePermalink({ spec: d.spec, backend: 'auto' }, base, CATALOG),
      base,
      CATALOG,
    );
    expect(again.spec).toEqual(d.spec);
    const bad = decodePermalink('v=1&budget=-5&an.tol=3', base, CATALOG);
    expect(bad.spec.budget).toBe(0);
    expect(bad.spec.analysis.flatness?.tolerance).toBe(1);
    expect(bad.corrections.join(' ')).toMatch(/budget/);
    expect(bad.corrections.join(' ')).toMatch(/an\.tol/);
  });

  it('carries the spiral label noise as data.flip, clamped to [0, 1]', () => {
    const d = decodePermalink('v=1&data=spiral&data.flip=0.15', base, CATALOG);
    expect(d.corrections).toEqual([]);
    expect(d.spec.dataset).toMatchObject({ kind: 'spiral', labelNoise: 0.15 });
    const again = decodePermalink(
      encodePermalink({ spec: d.spec, backend: 'auto' }, base, CATALOG),
      base,
      CATALOG,
    );
    expect(again.spec).toEqual(d.spec);
    const bad = decodePermalink('v=1&data=spiral&data.flip=2', base, CATALOG);
    expect(bad.spec.dataset).toMatchObject({ kind: 'spiral', labelNoise: 1 });
    expect(bad.corrections.join(' ')).toMatch(/data\.flip/);
  });

  it('decodes presets with overrides, and unknown presets to the default', () => {
    const d = decodePermalink('#preset=outliers&data.classes=8', base, CATALOG);
    expect(d.preset).toBe('outliers');
    expect(d.spec.dataset).toMatchObject({ kind: 'gaussianMixture', classes: 8 });
    const unknown = decodePermalink('#preset=nope', base, CATALOG);
    expect(unknown.spec).toEqual(base);
    expect(unknown.corrections.join(' ')).toContain('no preset "nope"');
  });

  it('reads presentation options beside the spec, never in it', () => {
    const d = decodePermalink(
      '#lecture=1&hide=controls,spectrum,bogus&lock=1&embed=0&focus=loss-slice',
      base,
      CATALOG,
    );
    expect(d.spec).toEqual(base);
    expect(d.presentation).toEqual({
      lecture: true,
      embed: false,
      lock: true,
      hide: ['controls', 'spectrum'],
      focus: 'loss-slice',
    });
    expect(d.corrections).toHaveLength(1);
  });
});

/** Malformed hashes: random bytes, known keys with bad values, mutated valid links. */
function malformedHash(gen: SpecGenerator): string {
  const keys = [
    'v',
    'preset',
    'backend',
    'seed',
    'tick',
    'data',
    'data.train',
    'data.classes',
    'data.noise',
    'data.flip',
    'data.n',
    'data.alpha',
    'data.dim',
    'data.small',
    'model',
    'model.hidden',
    'model.act',
    'model.r',
    'model.k',
    'model.tree',
    'loss',
    'loss.gamma',
    'runs',
    'sgd.lr',
    'sgd.opt',
    'sgd.bs',
    'sgd.mom',
    'sgd.nesterov',
    'sgd.lrs',
    'sgd.lrs.every',
    'sgd.norm',
    'sgd.norm.n0',
    'esgd.L',
    'esgd.g0',
    'esgd.ilr',
    'esgd.label',
    'sgd.seed',
    'sgd.plane',
    'esgd.plane',
    'esgd.copy',
    'esgd.copy.c',
    'esgd.copy.layer',
    'sgd.copy',
    'an.every',
    'an.slice',
    'an.res',
    'an.flat',
    'an.sigmas',
    'an.draws',
    'lecture',
    'hide',
    'focus',
    '__proto__',
    'constructor',
    '__proto__.lr',
    'sgd.__proto__',
    'toString',
    'x.y.z',
    '',
    '.',
    '..lr',
  ];
  const values = [
    '',
    '-1',
    '0',
    '1',
    '1e309',
    '-1e309',
    'NaN',
    'Infinity',
    '0x1f',
    '1,2,3',
    ',,,',
    'abc',
    '%',
    '%zz',
    '%E0%A4%A',
    '🙂',
    '<script>',
    'a'.repeat(300),
    '3.5',
    '-0',
    ' 7 ',
    'true',
    'constructor',
    'gaussianMixture',
    'perceptron',
    'committee',
    'baldassi',
    'mnist',
    'entropySgd',
    'replicatedSgd',
    'sam',
    'adam',
    'grow',
    'step',
    'cosine',
    'sgd,sgd,esgd',
    'sgd',
    'esgd',
    'full',
    'none',
    'outliers',
    'race',
    'hessian',
    'off',
    '100000000',
    '2147483648',
    '1.5',
    '0.0000001',
  ];
  const mode = gen.int(0, 3);
  if (mode === 0) {
    // Random characters, URL metacharacters included.
    const alphabet = 'ab=&#%.,;+ 019-_xyz\u0000\u007f\u00e9\ud83d\ude00\ud800';
    const n = gen.int(0, 80);
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[gen.int(0, alphabet.length - 1)];
    return s;
  }
  if (mode === 1 || mode === 2) {
    const n = gen.int(1, 12);
    const pairs: string[] = [];
    for (let i = 0; i < n; i++) {
      const key = gen.chance(0.1)
        ? gen.runId() + '.' + gen.pick(['lr', 'opt', 'L', 'y'])
        : gen.pick(keys);
      const value = gen.chance(0.3) ? String(gen.number(-1e6, 1e6)) : gen.pick(values);
      pairs.push(
        mode === 1 ? `${key}=${value}` : `${encodeURIComponent(key)}=${encodeURIComponent(value)}`,
      );
    }
    return `#${pairs.join('&')}`;
  }
  // A valid link, mutated: characters replaced, cut short, or a key repeated with garbage.
  let hash = encodePermalink(
    { spec: gen.spec(), backend: 'auto', preset: gen.chance(0.3) ? gen.pick(PRESETS).id : null },
    base,
    CATALOG,
  );
  const edits = gen.int(1, 4);
  for (let i = 0; i < edits; i++) {
    const at = gen.int(0, Math.max(0, hash.length - 1));
    const r = gen.int(0, 2);
    if (r === 0)
      hash =
        hash.slice(0, at) + gen.pick(['=', '&', '%', ',', 'x', '9', '-', '.']) + hash.slice(at + 1);
    else if (r === 1) hash = hash.slice(0, at);
    else hash += `&${gen.pick(keys)}=${gen.pick(values)}`;
  }
  return hash;
}

describe('decodePermalink fuzzing', () => {
  it('never throws and always yields a valid spec, over 5,000 malformed hashes', () => {
    const gen = new SpecGenerator(seededRandom(777));
    const bases = [base, ...PRESETS.map((p) => p.spec)];
    let corrected = 0;
    for (let i = 0; i < 5000; i++) {
      const hash = malformedHash(gen);
      const over = gen.pick(bases);
      let decoded;
      try {
        decoded = decodePermalink(hash, over, CATALOG);
      } catch (error) {
        throw new Error(`threw on ${JSON.stringify(hash)}: ${String(error)}`);
      }
      expect(validateSpec(decoded.spec), hash).toEqual([]);
      expect(decoded.corrections.every((c) => typeof c === 'string' && c.length < 2000)).toBe(true);
      if (decoded.corrections.length > 0) corrected++;
      // What it decoded, it writes back as a link that decodes cleanly to the same spec.
      const again = decodePermalink(encodePermalink(decoded, over, CATALOG), over, CATALOG);
      expect(again.corrections, hash).toEqual([]);
      expect(again.spec).toEqual(decoded.spec);
    }
    expect(corrected).toBeGreaterThan(4000);
  });
});

describe('queryPairs', () => {
  it('reads a query string as URLSearchParams does', () => {
    for (const text of ['a=1&b=x%20y', 'k=1+2&&z', 'ok=%2C%3A', 'x=a=b', '']) {
      expect(queryPairs(text)).toEqual([...new URLSearchParams(text)]);
    }
    // A malformed escape is kept as written (URLSearchParams substitutes U+FFFD instead).
    expect(queryPairs('bad=%E0%A4%A')).toEqual([['bad', '%E0%A4%A']]);
  });
});
