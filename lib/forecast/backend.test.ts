import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { activateBackend, backendOrder, initBackend, loadTfjsNode, requestedBackend } from './backend';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('backend choice', () => {
  it('prefers native TensorFlow, then wasm, then cpu', () => {
    expect(backendOrder()).toEqual(['tensorflow', 'wasm', 'cpu']);
  });

  it('tries a requested backend first and keeps the others as fallbacks', () => {
    expect(backendOrder('cpu')).toEqual(['cpu', 'tensorflow', 'wasm']);
  });

  it('lets HORIZON_TF_BACKEND beat the caller, and ignores an unknown name with a warning', () => {
    expect(requestedBackend('wasm', 'cpu')).toBe('cpu');
    expect(requestedBackend('wasm', undefined)).toBe('wasm');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(requestedBackend(undefined, 'gpu')).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('HORIZON_TF_BACKEND=gpu'));
  });
});

describe('initBackend', () => {
  it('activates the best available backend (wasm when tfjs-node is not installed) once per process', async () => {
    const expected = requestedBackend() ?? (loadTfjsNode() ? 'tensorflow' : 'wasm');
    const name = await initBackend();
    expect(name).toBe(expected);
    expect(tf.getBackend()).toBe(name);
    // Idempotent: a later preference does not switch the backend under running code.
    expect(await initBackend('cpu')).toBe(name);
    expect(tf.getBackend()).toBe(name);
  });

  it.skipIf(loadTfjsNode())('falls through with a warning when the requested backend cannot start', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await activateBackend(['tensorflow', 'cpu'])).toBe('cpu');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("'tensorflow' could not start"));
    expect(tf.getBackend()).toBe('cpu');
    // Back to wasm for any test that follows in this file.
    expect(await activateBackend(['wasm'])).toBe('wasm');
    expect(tf.sum(tf.tensor1d([1, 2, 3])).arraySync()).toBe(6);
  });
});
