'use client';
// Detection for a chosen file: sends its head to the preview endpoint, again whenever the parse
// choice changes, and keeps the last answer on screen while the next one loads.
import { useEffect, useState } from 'react';
import { previewDataset, type ParseChoice } from './api';
import type { FilePreview } from './types';

/** Enough rows to detect columns, dates and frequency without sending a large file twice. */
export const PREVIEW_BYTES = 262_144;

export interface FilePreviewState {
  preview: FilePreview | null;
  error: unknown;
  loading: boolean;
  /** True when only the head of the file was read, so counts are lower bounds. */
  partial: boolean;
}

export function useFilePreview(file: File | null, choice: ParseChoice): FilePreviewState {
  const [state, setState] = useState<Omit<FilePreviewState, 'partial'>>({ preview: null, error: null, loading: false });

  useEffect(() => {
    if (!file) {
      setState({ preview: null, error: null, loading: false });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, error: null, loading: true }));
    previewDataset(file.slice(0, PREVIEW_BYTES), file.name, choice, controller.signal, file.size <= PREVIEW_BYTES).then(
      (preview) => {
        if (!controller.signal.aborted) setState({ preview, error: null, loading: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState((s) => ({ ...s, error, loading: false }));
      },
    );
    return () => controller.abort();
  }, [file, choice]);

  return { ...state, partial: file !== null && file.size > PREVIEW_BYTES };
}
