/** Every study, in the gallery's order; `#preset=<id>` finds one here when no preset has the id. */
import { fbpStudy } from './fbp';
import { goldilocksSweepStudy } from './goldilocksSweep';
import { noWfmStudy } from './noWfm';
import { simpleModelStudy } from './simpleModel';
import type { AnyStudy } from '../../protocol/studies/study';

export const STUDIES: readonly AnyStudy[] = [
  fbpStudy,
  noWfmStudy,
  simpleModelStudy,
  goldilocksSweepStudy,
];

export function findStudy(id: string): AnyStudy | undefined {
  return STUDIES.find((s) => s.id === id);
}
