/**
 * zod's issues as the sentences the page shows: where (`runs[0].optimizer.lr`), what it must be
 * and what it was — "runs[0].optimizer.lr must be ≤ 100 (got 1000)". A refinement's issue is
 * its own sentence after its place ("runs[1].optimizer: η'γ must stay < 1 …") when it judges an
 * object, and a predicate like zod's own when it judges one value ("model.hidden must be odd").
 */
import type { z } from 'zod';

/** Longest piece of a value echoed back (the text is shown on the page). */
const ECHO = 40;

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > ECHO ? `${text.slice(0, ECHO)}…` : text;
}

/** `['runs', 0, 'optimizer']` → `runs[0].optimizer`. */
export function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`))
    .join('');
}

function article(expected: string): string {
  if (expected === 'int') return 'an integer';
  if (expected === 'null') return 'null';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function bound(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'array' || issue.origin === 'string') {
    const [one, many] =
      issue.origin === 'array' ? ['entry', 'entries'] : ['character', 'characters'];
    const unit = limit === 1 ? one : many;
    return `must have ${small ? 'at least' : 'at most'} ${limit} ${unit}`;
  }
  const inclusive = issue.inclusive !== false;
  return `must be ${small ? (inclusive ? '≥' : '>') : inclusive ? '≤' : '<'} ${limit}`;
}

/** What the value must be, as a predicate ("must be ≤ 100"), for the issues zod itself raises. */
function requirement(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${article(issue.expected)}`;
    case 'too_small':
    case 'too_big':
      return bound(issue);
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${show(issue.values[0])}`
        : `must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    // Raised with a sentence of ours (a refinement, a pattern, a union of no known kind).
    case 'custom':
    case 'invalid_format':
    case 'invalid_union':
    case 'invalid_element':
    case 'invalid_key':
    case 'unrecognized_keys':
      return issue.message;
  }
}

/** The value an issue is about: for a union of no known kind, its kind. */
function shown(issue: z.core.$ZodIssue): unknown {
  const key = issue.path[issue.path.length - 1];
  const input = issue.input;
  if (
    issue.code === 'invalid_union' &&
    typeof key === 'string' &&
    input &&
    typeof input === 'object'
  ) {
    return (input as Record<string, unknown>)[key];
  }
  return input;
}

/** One issue as a sentence; `root` names the whole value ("the spec"), `prefix` goes before paths. */
export function issueSentence(issue: z.core.$ZodIssue, root: string, prefix = ''): string {
  const where = pathText(prefix ? [prefix, ...issue.path] : issue.path);
  // A refinement of an object (an optimizer, the spec) says its own sentence after its place.
  if (issue.code === 'custom' && (typeof issue.input === 'object' || issue.input === undefined)) {
    return where ? `${where}: ${issue.message}` : issue.message;
  }
  if (issue.input === undefined && where) return `${where} is missing`;
  const got = issue.input === undefined ? '' : ` (got ${show(shown(issue))})`;
  return `${where || root} ${requirement(issue)}${got}`;
}

/**
 * Every problem of `value` against `schema`, one sentence each; empty when it parses.
 * `prefix` is written before each path (a run id for its optimizer's problems).
 */
export function zodProblems(
  schema: z.ZodType,
  value: unknown,
  root: string,
  prefix = '',
): string[] {
  const result = schema.safeParse(value, { reportInput: true });
  return result.success ? [] : result.error.issues.map((i) => issueSentence(i, root, prefix));
}
