import { describe, expect, it } from 'vitest';
import { getUploadProgress, trackUpload } from './upload-progress';

const alice = { userId: 'alice' };
const bob = { userId: 'bob' };

describe('upload progress', () => {
  it('follows an import through its phases, for its uploader only', async () => {
    let received = 0;
    const source = { bytesReceived: () => received, bytesTotal: 1000 };
    let release!: () => void;
    const storingStarted = new Promise<void>((resolve) => (release = resolve));
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));

    const work = trackUpload(alice, 'upload-aaaa', source, async (progress) => {
      received = 400;
      progress.rowsParsed(10_000);
      expect(getUploadProgress(alice, 'upload-aaaa')).toMatchObject({
        phase: 'receiving',
        bytesReceived: 400,
        bytesTotal: 1000,
        rowsParsed: 10_000,
      });
      progress.storing();
      release();
      await finished;
      return 'stored';
    });
    await storingStarted;
    expect(getUploadProgress(alice, 'upload-aaaa')?.phase).toBe('storing');
    expect(getUploadProgress(bob, 'upload-aaaa')).toBeNull();
    received = 1000;
    finish();
    expect(await work).toBe('stored');
    expect(getUploadProgress(alice, 'upload-aaaa')).toMatchObject({ phase: 'done', bytesReceived: 1000 });
  });

  it('ends as failed when the import throws, and records nothing without an id', async () => {
    const source = { bytesReceived: () => 5, bytesTotal: null };
    await expect(
      trackUpload(alice, 'upload-bbbb', source, async () => Promise.reject(new Error('bad file'))),
    ).rejects.toThrow('bad file');
    expect(getUploadProgress(alice, 'upload-bbbb')).toMatchObject({
      phase: 'failed',
      bytesReceived: 5,
      bytesTotal: null,
    });
    await trackUpload(alice, undefined, source, async () => 'fine');
    expect(getUploadProgress(alice, 'undefined')).toBeNull();
  });
});
