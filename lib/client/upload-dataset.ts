// Uploads a whole CSV to POST /api/datasets (an import) or POST /api/datasets/:id/append.
// XMLHttpRequest rather than fetch, because only XHR reports upload progress
// (`upload.onprogress`). The server parses the file as it arrives; the page asks it how many rows
// it has read (GET /api/uploads/:id) under an id chosen here.
import { uploadFieldsSchema } from '@/lib/api/schemas/upload';
import { getUploadProgress, parseFields, setParseFields, type ParseChoice } from './api';
import { ApiError, apiErrorFrom } from './api-error';
import { requestProblem } from './validate';
import type { AppendedSeries, Dataset, UploadPhase } from './types';

export interface UploadFields extends ParseChoice {
  file: File;
  name?: string;
}

export interface UploadState {
  /** Bytes of the file the browser has sent, and its size. */
  bytesSent: number;
  bytesTotal: number;
  /** CSV rows the server has read so far (null until it says). */
  rowsParsed: number | null;
  /** 'receiving' while the file streams in, 'storing' once it is read whole, then 'done'. */
  phase: UploadPhase;
}

export interface UploadHandle<T = Dataset> {
  promise: Promise<T>;
  abort: () => void;
}

/** An upload refused before it started: its promise rejects with why, there is nothing to abort. */
function refused<T>(error: ApiError): UploadHandle<T> {
  const promise = Promise.reject(error);
  // The caller awaits it; until then an unhandled rejection would be reported.
  promise.catch(() => undefined);
  return { promise, abort: () => undefined };
}

/** How often the page asks the server how far it got: a progress bar needs no more. */
const POLL_MS = 400;

/** Starts the import; `onProgress` hears of every change of the state. */
export function uploadDataset(fields: UploadFields, onProgress: (state: UploadState) => void): UploadHandle {
  // Checked as the route will: a name too long, or parse fields that do not go together, fail here.
  const name = fields.name?.trim();
  const problem = requestProblem(uploadFieldsSchema, { ...(name && { name }), ...parseFields(fields) });
  if (problem) return refused(problem);
  // Fields first, file last: the server reads the file as it streams and needs the fields by then.
  const form = new FormData();
  if (name) form.set('name', name);
  setParseFields(form, fields);
  form.set('file', fields.file, fields.file.name);
  return sendUpload('/api/datasets', form, fields.file, onProgress, (body) => (body as { dataset: Dataset }).dataset);
}

export interface AppendOutcome {
  dataset: Dataset;
  appended: AppendedSeries[];
}

/** Starts appending a file's points to a stored dataset, with the same progress as an import. */
export function appendToDatasetWithProgress(
  datasetId: string,
  file: File,
  choice: ParseChoice,
  onProgress: (state: UploadState) => void,
): UploadHandle<AppendOutcome> {
  const form = new FormData();
  try {
    setParseFields(form, choice);
  } catch (error) {
    return refused(error as ApiError);
  }
  form.set('file', file, file.name);
  return sendUpload(
    `/api/datasets/${encodeURIComponent(datasetId)}/append`,
    form,
    file,
    onProgress,
    (body) => body as AppendOutcome,
  );
}

function sendUpload<T>(
  path: string,
  form: FormData,
  file: File,
  onProgress: (state: UploadState) => void,
  result: (body: unknown) => T,
): UploadHandle<T> {
  const uploadId = crypto.randomUUID();
  let state: UploadState = { bytesSent: 0, bytesTotal: file.size, rowsParsed: null, phase: 'receiving' };
  const update = (change: Partial<UploadState>) => {
    state = { ...state, ...change };
    onProgress(state);
  };
  const polling = pollServer(uploadId, (progress) => {
    // A late answer must not move a finished upload back.
    if (state.phase === 'done') return;
    update({ rowsParsed: progress.rowsParsed, phase: progress.phase === 'storing' ? 'storing' : state.phase });
  });

  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    xhr.open('POST', `${path}?uploadId=${encodeURIComponent(uploadId)}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      // event.total includes the form around the file: scale to the file's own size.
      if (event.lengthComputable && event.total > 0)
        update({ bytesSent: Math.round((event.loaded / event.total) * file.size) });
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON (e.g. a proxy's error page): apiErrorFrom falls back to the status line.
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        update({ bytesSent: file.size, phase: 'done' });
        resolve(result(body));
      } else {
        reject(apiErrorFrom(xhr.status, xhr.statusText, body));
      }
    };
    xhr.onerror = () => reject(new TypeError('Network error during upload'));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'The upload was cancelled.'));
    xhr.send(form);
  }).finally(polling.stop);
  return { promise, abort: () => xhr.abort() };
}

/** Asks for the upload's progress every POLL_MS until stopped; unanswered polls are skipped. */
function pollServer(uploadId: string, onProgress: (progress: { rowsParsed: number; phase: UploadPhase }) => void) {
  const controller = new AbortController();
  // 404 until the server has seen the upload's first bytes: keep asking.
  const poll = () => getUploadProgress(uploadId, controller.signal).then(onProgress, () => undefined);
  const timer = setInterval(poll, POLL_MS);
  return {
    stop: () => {
      clearInterval(timer);
      controller.abort();
    },
  };
}
