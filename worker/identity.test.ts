import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { isDeadPredecessor } from './dead-local-workers';
import { currentIdentity, parseWorkerName, workerName } from './identity';

/** A PID that no process has: past the kernel's pid_max. */
const DEAD_PID = 4_194_305;

describe('worker names', () => {
  it('say label, host and pid, and read back', () => {
    expect(workerName({ label: '', host: 'box', pid: 12 })).toBe('box:12');
    expect(workerName({ label: 'gpu-1', host: 'box', pid: 12 })).toBe('gpu-1@box:12');
    expect(parseWorkerName('gpu-1@box:12')).toEqual({ label: 'gpu-1', host: 'box', pid: 12 });
    expect(parseWorkerName('box:12')).toEqual({ label: '', host: 'box', pid: 12 });
    expect(parseWorkerName('a@b@box:12')).toEqual({ label: 'a@b', host: 'box', pid: 12 });
    expect(parseWorkerName('some-other-tool')).toBeNull();
  });
});

describe('isDeadPredecessor', () => {
  const self = currentIdentity('');

  it('is a worker of this host with the same label whose process is gone', () => {
    expect(isDeadPredecessor(`${hostname()}:${DEAD_PID}`, self)).toBe(true);
  });

  it('leaves alone live workers, other hosts, other labels, itself and unknown names', () => {
    expect(isDeadPredecessor(`${hostname()}:${process.ppid}`, self)).toBe(false);
    expect(isDeadPredecessor(`${hostname()}:${process.pid}`, self)).toBe(false);
    expect(isDeadPredecessor(`elsewhere:${DEAD_PID}`, self)).toBe(false);
    expect(isDeadPredecessor(`gpu-1@${hostname()}:${DEAD_PID}`, self)).toBe(false);
    expect(isDeadPredecessor('some-other-tool', self)).toBe(false);
    expect(isDeadPredecessor(undefined, self)).toBe(false);
  });
});
