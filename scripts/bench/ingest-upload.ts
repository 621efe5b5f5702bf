// Uploading a file from disk to POST /api/datasets the way a browser does (multipart with a
// Content-Length), streamed from disk so the bench itself stays small; and reading the server's
// upload progress meanwhile, to time when parsing ended and storing began.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { request } from 'node:http';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';

export interface UploadOutcome {
  status: number;
  body: any;
  /** From the first byte sent to the answer. */
  wallMs: number;
  /** When the server started storing (the whole file was read and parsed), from the first byte; null if never seen. */
  storingAtMs: number | null;
}

export async function uploadCsv(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  fields: Record<string, string> = {},
): Promise<UploadOutcome> {
  const boundary = `----horizon-bench-${randomUUID()}`;
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const head = Buffer.from(
    `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${basename(path)}"\r\n` +
      'Content-Type: text/csv\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const { size } = await stat(path);
  const uploadId = randomUUID();
  const started = performance.now();
  let storingAtMs: number | null = null;
  const watching = watchProgress(baseUrl, uploadId, headers, () => {
    storingAtMs ??= performance.now() - started;
  });

  try {
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(new URL(`/api/datasets?uploadId=${uploadId}`, baseUrl), {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(head.length + size + tail.length),
        },
      });
      req.on('response', (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        response.on('error', reject);
      });
      req.on('error', reject);
      req.write(head);
      pipeline(
        createReadStream(path),
        async function* (source) {
          yield* source;
          yield tail;
        },
        req,
      ).catch(reject);
    });
    return { status: answer.status, body: JSON.parse(answer.text), wallMs: performance.now() - started, storingAtMs };
  } finally {
    watching.stop();
  }
}

/** Polls GET /api/uploads/:id until stopped; calls `onStoring` once it says "storing". */
function watchProgress(baseUrl: string, id: string, headers: Record<string, string>, onStoring: () => void) {
  let stopped = false;
  void (async () => {
    while (!stopped) {
      const response = await fetch(new URL(`/api/uploads/${id}`, baseUrl), { headers }).catch(() => null);
      const body = (await response?.json().catch(() => null)) as { upload?: { phase: string } } | null;
      if (body?.upload && body.upload.phase !== 'receiving') onStoring();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return { stop: () => (stopped = true) };
}
