/** Okabe–Ito: distinguishable with every common colour-vision deficiency, and on a projector. */
const OKABE_ITO = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442'];

/** The colour of the run at `index` (stable for an experiment's run order). */
export function runColor(index: number): string {
  return OKABE_ITO[index % OKABE_ITO.length] ?? '#000000';
}

/** The colour of run `id` in `runs` (the spec's order), grey for a run no longer in the spec. */
export function runColorOf(runs: readonly { readonly id: string }[], id: string): string {
  const index = runs.findIndex((r) => r.id === id);
  return index < 0 ? '#888888' : runColor(index);
}
