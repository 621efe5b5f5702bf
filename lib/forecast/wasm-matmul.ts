// The wasm backend's BatchMatMul is fast only for plain products: with transposeA or transposeB
// it leaves XNNPACK for a slow generic loop (measured on a 64x64 by 64x256 product: 0.13 ms plain,
// 1.3 ms transposed-B, 2.2 ms transposed-A). Every matMul gradient is such a transposed product,
// so LSTM training spent most of its time there. This replaces the kernel with one that
// transposes the operand explicitly (a cheap copy) and then runs the fast plain product: ~3x
// faster LSTM training, same results up to float rounding order.
import * as tf from '@tensorflow/tfjs';

interface MatMulAttrs {
  transposeA: boolean;
  transposeB: boolean;
}

let installed = false;
let shipped: tf.KernelConfig | undefined;

/** Whether installFastWasmMatMul has replaced the kernel in this process. */
export function fastWasmMatMulInstalled(): boolean {
  return installed;
}

/** Puts tfjs's own kernel back (the benchmark measures both); installFastWasmMatMul swaps again. */
export function uninstallFastWasmMatMul(): void {
  if (!installed || !shipped) return;
  tf.unregisterKernel('BatchMatMul', 'wasm');
  tf.registerKernel(shipped);
  installed = false;
}

/**
 * Swaps in the transpose-then-multiply BatchMatMul for the wasm backend. Idempotent; call once
 * the wasm backend is registered (initBackend does).
 */
export function installFastWasmMatMul(): void {
  if (installed) return;
  const original = tf.getKernel('BatchMatMul', 'wasm');
  const transpose = tf.getKernel('Transpose', 'wasm');
  if (!original || !transpose) throw new Error('The wasm backend is not registered: no BatchMatMul/Transpose kernel.');
  shipped = original;

  tf.unregisterKernel('BatchMatMul', 'wasm');
  tf.registerKernel({
    ...original,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { transposeA, transposeB } = attrs as unknown as MatMulAttrs;
      if (!transposeA && !transposeB) return original.kernelFunc({ inputs, backend, attrs });

      // Swap the last two axes; leading (batch) axes stay where they are.
      const swapLastTwo = (x: tf.TensorInfo): tf.TensorInfo => {
        const perm = x.shape.map((_, i) => i);
        const rank = perm.length;
        [perm[rank - 2], perm[rank - 1]] = [perm[rank - 1], perm[rank - 2]];
        return transpose.kernelFunc({ inputs: { x }, backend, attrs: { perm } }) as tf.TensorInfo;
      };
      const { a: inputA, b: inputB } = inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
      const a = transposeA ? swapLastTwo(inputA) : inputA;
      const b = transposeB ? swapLastTwo(inputB) : inputB;
      try {
        return original.kernelFunc({
          inputs: { a, b },
          backend,
          attrs: { ...attrs, transposeA: false, transposeB: false },
        });
      } finally {
        // The transposed copies exist only inside this kernel: free them here, as kernels do.
        const owner = backend as tf.KernelBackend;
        if (transposeA) owner.disposeData(a.dataId);
        if (transposeB) owner.disposeData(b.dataId);
      }
    },
  });
  installed = true;
}
