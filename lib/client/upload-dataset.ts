// Uploads a whole CSV to POST /api/datasets. XMLHttpRequest rather than fetch, because only XHR
// reports upload progress (`upload.onprogress`), which large files need.
import { setParseFields, type ParseChoice } from './api';
import { ApiError, apiErrorFrom } from './api-error';
import type { Dataset } from './types';

export interface UploadFields extends ParseChoice {
  file: File;
  name?: string;
}

export interface UploadHandle {
  promise: Promise<Dataset>;
  abort: () => void;
}

/** Starts the upload; `onProgress` receives 0..1 of the bytes sent. */
export function uploadDataset(fields: UploadFields, onProgress: (fraction: number) => void): UploadHandle {
  const form = new FormData();
  form.set('file', fields.file, fields.file.name);
  if (fields.name?.trim()) form.set('name', fields.name.trim());
  setParseFields(form, fields);

  const xhr = new XMLHttpRequest();
  const promise = new Promise<Dataset>((resolve, reject) => {
    xhr.open('POST', '/api/datasets');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON (e.g. a proxy's error page): apiErrorFrom falls back to the status line.
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve((body as { dataset: Dataset }).dataset);
      } else {
        reject(apiErrorFrom(xhr.status, xhr.statusText, body));
      }
    };
    xhr.onerror = () => reject(new TypeError('Network error during upload'));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'The upload was cancelled.'));
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
