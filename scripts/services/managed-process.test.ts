import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnManaged } from './managed-process';

const node = process.execPath;

describe('spawnManaged', () => {
  it('hands over output line by line and reports the exit', async () => {
    const lines: string[] = [];
    const child = spawnManaged(
      'echo',
      node,
      ['-e', 'console.log("one\\ntwo"); console.error("three"); process.exit(3)'],
      {
        onLine: (line, stream) => lines.push(`${stream}:${line}`),
      },
    );
    expect(await child.exited).toEqual({ code: 3, signal: null });
    expect(child.stopping).toBe(false);
    expect(lines.sort()).toEqual(['stderr:three', 'stdout:one', 'stdout:two']);
  });

  it('stops with the stop signal', async () => {
    const child = spawnManaged('sleeper', node, ['-e', 'setInterval(() => {}, 1000)'], { stopSignal: 'SIGINT' });
    expect(await child.stop()).toEqual({ code: null, signal: 'SIGINT' });
    expect(child.stopping).toBe(true);
  });

  it('kills a process that ignores the stop signal once the grace period is over', async () => {
    const lines: string[] = [];
    const child = spawnManaged(
      'stubborn',
      node,
      ['-e', 'process.on("SIGTERM", () => console.log("ignored")); console.log("ready"); setInterval(() => {}, 1000)'],
      { graceMs: 300, detached: true, onLine: (line) => lines.push(line) },
    );
    while (!lines.includes('ready')) await new Promise((r) => setTimeout(r, 20));
    expect(await child.stop()).toEqual({ code: null, signal: 'SIGKILL' });
    expect(lines).toContain('ignored');
  });

  it('reports a missing program', () => {
    expect(() => spawnManaged('ghost', '/nonexistent/program', [])).toThrow(/Could not start ghost/);
  });

  it('reports a program it may not run (EACCES) with a message, not an unhandled error event', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'horizon-eacces-'));
    try {
      const script = join(dir, 'not-executable');
      writeFileSync(script, '#!/bin/sh\necho hi\n', { mode: 0o644 });
      expect(() => spawnManaged('locked', script, [])).toThrow(
        `Could not start locked: ${script} was not found, or this user may not run it (check that it exists and is executable).`,
      );
      // An 'error' event left unhandled would fail this test run (vitest reports unhandled errors).
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
