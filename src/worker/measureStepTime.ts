/**
 * A start-up micro-benchmark: milliseconds per training-like step (an MLP's forward and backward
 * pass, `samples` rows, 64–128–10) on the active backend, median of a few timed runs after
 * warm-up. About 0.1–0.3 s per backend; used to check that a GPU rung is really faster than wasm
 * (256 samples), and that wasm threads pay on a presets-sized step (64: the size where a step is
 * its kernel launches, and where threads were measured to hurt most).
 */
import * as tf from '@tensorflow/tfjs-core';

export async function measureStepTime(budgetMs = 150, samples = 256): Promise<number> {
  const x = tf.randomNormal([samples, 64], 0, 1, 'float32', 1);
  const w1 = tf.randomNormal([64, 128], 0, 0.1, 'float32', 2);
  const w2 = tf.randomNormal([128, 10], 0, 0.1, 'float32', 3);
  const loss = (a: tf.Tensor, b: tf.Tensor): tf.Scalar =>
    tf.mean(tf.square(tf.matMul(tf.relu(tf.matMul(x, a)), b)));
  const step = async () => {
    const grads = tf.tidy(() => tf.grads(loss)([w1, w2]));
    await Promise.all(grads.map((g) => g.data()));
    tf.dispose(grads);
  };
  try {
    for (let i = 0; i < 3; i++) await step();
    const times: number[] = [];
    const started = performance.now();
    while (times.length < 5 || (performance.now() - started < budgetMs && times.length < 50)) {
      const t0 = performance.now();
      await step();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)] ?? Number.NaN;
  } finally {
    tf.dispose([x, w1, w2]);
  }
}

/** Whether `candidate` (a GPU rung) should give way to wasm: wasm clearly faster per step. */
export function wasmIsFaster(candidateMs: number, wasmMs: number): boolean {
  return Number.isFinite(wasmMs) && !(candidateMs <= wasmMs * 1.2);
}
