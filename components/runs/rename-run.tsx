'use client';
// Names or renames a run from its page: a button that opens a one-field form in place.
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { InputField } from '@/components/ui/field';
import { RUN_NAME_MAX } from '@/lib/api/schemas/runs';
import { renameRun } from '@/lib/client/api';
import { errorMessage } from '@/lib/client/api-error';
import type { Run } from '@/lib/client/types';

export function RenameRun({ run, onRenamed }: { run: Run; onRenamed: (run: Run) => void }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(run.name ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (!editing) {
    return (
      <Button
        variant="ghost"
        onClick={() => {
          setName(run.name ?? '');
          setError(null);
          setEditing(true);
        }}
        data-testid="rename-run"
      >
        {run.name ? 'Rename' : 'Name this run'}
      </Button>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onRenamed(await renameRun(run.id, name.trim() || null));
      setEditing(false);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="row row-top rename-run" onSubmit={submit} aria-label="Rename run" data-testid="rename-form">
      <InputField
        label="Run name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        maxLength={RUN_NAME_MAX}
        hint="Blank removes the name."
        error={error === null ? undefined : errorMessage(error)}
        autoComplete="off"
        autoFocus
        disabled={busy}
        data-testid="rename-input"
      />
      <div className="row rename-actions">
        <Button type="submit" variant="primary" size="sm" loading={busy} data-testid="rename-save">
          Save
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setEditing(false)} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
