// The browser's forms check their requests with the API's own schemas before anything is sent: a bad
// field comes back as the ApiError the server would answer (400 validation_error, a message per
// field), and no request leaves the browser. `fetch` is replaced by a recorder so that a request
// that was sent anyway fails the test.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSchedule, createRun, previewDataset } from './api';
import { ApiError } from './api-error';
import { createApiToken, signIn, signUp } from './auth-api';
import { createBatch } from './batches';
import { uploadDataset } from './upload-dataset';

let requests: string[];

beforeEach(() => {
  requests = [];
  vi.stubGlobal('fetch', async (input: string) => {
    requests.push(String(input));
    return Response.json({ error: { code: 'internal', message: 'should not have been sent' } }, { status: 500 });
  });
});
afterEach(() => vi.unstubAllGlobals());

/** The validation error `promise` rejects with. */
async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).status).toBe(400);
  expect((error as ApiError).code).toBe('validation_error');
  return error as ApiError;
}

describe('forms validate with the request schemas', () => {
  it('sign-up: an email that is not one and a short password, each under its field', async () => {
    const error = await refusal(signUp({ email: 'ada-at-example', password: 'short' }));
    expect(error.fieldErrors).toEqual({
      email: 'must be an email address, e.g. ada@example.com',
      password: 'must be at least 8 characters',
    });
    expect(requests).toEqual([]);
  });

  it('sign-in: a missing password', async () => {
    const error = await refusal(signIn({ email: 'ada@example.com', password: '' }));
    expect(Object.keys(error.fieldErrors)).toEqual(['password']);
    expect(requests).toEqual([]);
  });

  it('API tokens: a blank name', async () => {
    const error = await refusal(createApiToken('   '));
    expect(error.fieldErrors.name).toMatch(/is required/);
    expect(requests).toEqual([]);
  });

  it('schedules: an interval under the minimum and a cron expression that is not one', async () => {
    const every = await refusal(createSchedule({ seriesId: 's1', every: '1m' }));
    expect(every.fieldErrors.every).toMatch(/at least 5 minutes/);
    const cron = await refusal(createSchedule({ seriesId: 's1', cron: 'every night' }));
    expect(cron.fieldErrors.cron).toMatch(/not a valid cron expression/);
    expect(requests).toEqual([]);
  });

  it('runs and batches: a setting out of bounds and an unknown field', async () => {
    const run = await refusal(createRun({ seriesId: 's1', horizon: 0 }));
    expect(Object.keys(run.fieldErrors)).toEqual(['horizon']);
    const batch = await refusal(createBatch('d1', { seriesIds: [] }));
    expect(Object.keys(batch.fieldErrors)).toEqual(['seriesIds']);
    expect(requests).toEqual([]);
  });

  it('upload: a name over 200 characters; parse fields that do not go together', async () => {
    const file = new File(['date,value\n2024-01-01,1\n'], 'x.csv');
    const upload = uploadDataset({ file, name: 'n'.repeat(201) }, () => undefined);
    const name = await refusal(upload.promise);
    expect(name.fieldErrors.name).toMatch(/at most 200 characters/);
    const preview = await refusal(previewDataset(file, 'x.csv', { layout: 'wide', idColumns: ['store'] }));
    expect(Object.keys(preview.fieldErrors)).toEqual(['idColumns']);
    expect(requests).toEqual([]);
  });

  it('lets a valid request through', async () => {
    await createApiToken('nightly export').catch(() => undefined);
    await createSchedule({ seriesId: 's1', every: '6h' }).catch(() => undefined);
    expect(requests).toEqual(['/api/tokens', '/api/schedules']);
  });
});
