'use client';
// A button that asks before doing something destructive, in a native modal <dialog>: the browser
// traps focus, Escape cancels, and focus returns to the button afterwards.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '@/lib/client/api-error';
import { Alert } from './alert';
import { Button, type ButtonVariant } from './button';

interface ConfirmButtonProps {
  /** Text of the button that opens the dialog. */
  children: ReactNode;
  title: string;
  description?: ReactNode;
  confirmLabel: string;
  /** Runs when confirmed; a throw keeps the dialog open with the error shown. */
  onConfirm: () => Promise<void> | void;
  variant?: ButtonVariant;
  size?: 'md' | 'sm';
  'aria-label'?: string;
  'data-testid'?: string;
}

export function ConfirmButton({
  children,
  title,
  description,
  confirmLabel,
  onConfirm,
  variant = 'secondary',
  size,
  ...rest
}: ConfirmButtonProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant={variant} size={size} onClick={() => setOpen(true)} {...rest}>
        {children}
      </Button>
      <dialog
        ref={dialogRef}
        className="dialog"
        aria-labelledby={titleId}
        onClose={() => setOpen(false)}
        onCancel={(event) => {
          if (busy) event.preventDefault();
        }}
      >
        {open && (
          <div className="dialog-body">
            <h2 id={titleId}>{title}</h2>
            {description && <div className="muted">{description}</div>}
            {error !== null && <Alert tone="error">{errorMessage(error)}</Alert>}
            <div className="dialog-actions">
              <Button onClick={() => setOpen(false)} disabled={busy}>
                Cancel
              </Button>
              <Button variant="danger" onClick={confirm} loading={busy}>
                {confirmLabel}
              </Button>
            </div>
          </div>
        )}
      </dialog>
    </>
  );
}
