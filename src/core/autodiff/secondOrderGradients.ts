/**
 * The fix for tfjs 4.22's wrong second derivatives (SCIENCE.md §5, tensorflow/tfjs#3252).
 *
 * The engine saves a kernel's tensors for the backward pass by cloning them *inside* the kernel
 * call: a clone of an input is recorded on the tape after its producer and stays connected, but a
 * clone of the kernel's own output is recorded *before* the kernel's tape node, so the outer tape
 * of a double back-propagation cannot reach it and silently drops that path. Gradients that use a
 * saved output (Tanh, Sigmoid, Exp, Softmax, and Pow's exponent derivative) are therefore wrong at
 * second order. Re-registering them to save their inputs and recompute the output restores the
 * path. Comparison and logical kernels (used inside the gradients of max, relu6, where, clip…)
 * have no gradient at all, which makes a second derivative throw; they get zero gradients.
 */
import * as tf from '@tensorflow/tfjs-core';
import { batchMatMulGradient } from './matMulGradient';

const fromInputs: readonly tf.GradConfig[] = [
  {
    kernelName: tf.Tanh,
    inputsToSave: ['x'],
    gradFunc: (dy, [x]) => ({
      x: () => {
        const y = tf.tanh(x as tf.Tensor);
        return tf.mul(dy as tf.Tensor, tf.sub(1, tf.square(y)));
      },
    }),
  },
  {
    kernelName: tf.Sigmoid,
    inputsToSave: ['x'],
    gradFunc: (dy, [x]) => ({
      x: () => {
        const y = tf.sigmoid(x as tf.Tensor);
        return tf.mul(dy as tf.Tensor, tf.mul(y, tf.sub(1, y)));
      },
    }),
  },
  {
    kernelName: tf.Exp,
    inputsToSave: ['x'],
    gradFunc: (dy, [x]) => ({ x: () => tf.mul(dy as tf.Tensor, tf.exp(x as tf.Tensor)) }),
  },
  {
    kernelName: tf.Softmax,
    inputsToSave: ['logits'],
    gradFunc: (dy, [logits], attrs) => ({
      logits: () => {
        const { dim } = attrs as unknown as tf.SoftmaxAttrs;
        const y = tf.softmax(logits as tf.Tensor, dim);
        const dyTimesY = tf.mul(dy as tf.Tensor, y);
        return tf.sub(dyTimesY, tf.mul(tf.sum(dyTimesY, [dim], true), y));
      },
    }),
  },
  {
    kernelName: tf.Pow,
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, [a, b]) => {
      const base = a as tf.Tensor;
      const exponent = b as tf.Tensor;
      const d = dy as tf.Tensor;
      const reduceTo = (t: tf.Tensor, shape: number[]): tf.Tensor => {
        const axes = tf.backend_util.getReductionAxes(shape, t.shape);
        return tf.reshape(axes.length > 0 ? tf.sum(t, axes) : t, shape);
      };
      return {
        a: () => {
          const e = tf.cast(exponent, 'float32');
          return reduceTo(tf.mul(d, tf.mul(e, tf.pow(base, tf.sub(e, 1)))), base.shape);
        },
        b: () => {
          const logBase = tf.where(tf.greater(base, 0), tf.log(base), tf.zerosLike(base));
          const y = tf.pow(base, exponent);
          return reduceTo(tf.mul(d, tf.mul(y, logBase)), exponent.shape);
        },
      };
    },
  },
];

/** Piecewise-constant kernels: derivative zero almost everywhere. Input names per kernel. */
const piecewiseConstant: ReadonlyArray<readonly [string, readonly string[]]> = [
  [tf.Equal, ['a', 'b']],
  [tf.NotEqual, ['a', 'b']],
  [tf.Greater, ['a', 'b']],
  [tf.GreaterEqual, ['a', 'b']],
  [tf.Less, ['a', 'b']],
  [tf.LessEqual, ['a', 'b']],
  [tf.LogicalAnd, ['a', 'b']],
  [tf.LogicalOr, ['a', 'b']],
  [tf.LogicalXor, ['a', 'b']],
  [tf.LogicalNot, ['x']],
  [tf.All, ['x']],
  [tf.Any, ['x']],
  [tf.IsNan, ['x']],
  [tf.IsFinite, ['x']],
  [tf.IsInf, ['x']],
];

/** Fresh zeros (not `zerosLike`, which would stay connected to its input on an outer tape). */
function zeroGradient(kernelName: string, inputs: readonly string[]): tf.GradConfig {
  return {
    kernelName,
    inputsToSave: [...inputs],
    gradFunc: (_dy, saved) =>
      Object.fromEntries(
        inputs.map((name, i) => [name, () => tf.zeros((saved[i] as tf.Tensor).shape)]),
      ),
  };
}

const FIX: readonly tf.GradConfig[] = [
  ...fromInputs,
  ...piecewiseConstant.map(([k, inputs]) => zeroGradient(k, inputs)),
  // Not a correctness fix: the same gradient, ~4× faster on wasm (see matMulGradient.ts).
  batchMatMulGradient,
];

/** The kernels whose gradients the fix replaces or adds. */
export const SECOND_ORDER_KERNELS: readonly string[] = FIX.map((c) => c.kernelName);

/** True when every gradient of the fix is the one registered (the registry is global to tfjs). */
export function secondOrderGradientsInstalled(): boolean {
  return FIX.every((c) => tf.getGradient(c.kernelName) === c);
}

/**
 * Registers the second-order-correct gradients (see the file comment). Idempotent and cheap:
 * re-registers only what is missing, e.g. after another copy of tfjs-core registered its
 * defaults. The gradient registry is global, so one call covers every backend. The host must
 * have registered tfjs's default gradients first (it throws otherwise).
 */
export function installSecondOrderGradients(): void {
  if (tf.getGradient(tf.Add) === undefined || tf.getGradient(tf.BatchMatMul) === undefined) {
    // Importing '@tensorflow/tfjs-core' alone registers no gradient at all; registering the
    // defaults after the fix would also undo it, hence the order.
    throw new Error(
      "tfjs has no default gradients: import '@tensorflow/tfjs-core/dist/register_all_gradients' " +
        "(bundlers, vitest) or '@tensorflow/tfjs' (plain Node) before installing the fix",
    );
  }
  for (const config of FIX) {
    if (tf.getGradient(config.kernelName) !== config) tf.registerGradient(config);
  }
}
