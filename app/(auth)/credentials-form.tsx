'use client';
// The sign-in and sign-up form: email and password, field errors under their fields, any other
// error (wrong password, too many attempts, email taken) in an alert above the button.
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { InputField } from '@/components/ui/field';
import { ApiError, errorMessage } from '@/lib/client/api-error';
import { safeReturnPath, signIn, signUp } from '@/lib/client/auth-api';

interface CredentialsFormProps {
  mode: 'sign-in' | 'sign-up';
  /** Where to go afterwards (the page the visitor was sent away from). */
  next?: string;
  minPasswordLength: number;
}

export function CredentialsForm({ mode, next, minPasswordLength }: CredentialsFormProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const signingUp = mode === 'sign-up';
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  // The API says what is wrong with a field ("must be at least 8 characters"); the label says which.
  const fieldError = (label: string, name: string) => fieldErrors[name] && `${label} ${fieldErrors[name]}.`;
  const formError = error !== null && Object.keys(fieldErrors).length === 0 ? errorMessage(error) : null;
  const returnTo = safeReturnPath(next);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await (signingUp ? signUp : signIn)({ email, password });
      // A full page load, so the header and every server component see the new session.
      window.location.assign(returnTo);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  const otherQuery = next ? `?next=${encodeURIComponent(returnTo)}` : '';
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={signingUp ? 'Create an account' : 'Sign in'}>
      <InputField
        label="Email"
        type="email"
        name="email"
        autoComplete="email"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={fieldError('Email', 'email')}
      />
      <InputField
        label="Password"
        type="password"
        name="password"
        autoComplete={signingUp ? 'new-password' : 'current-password'}
        required
        minLength={signingUp ? minPasswordLength : undefined}
        hint={signingUp && !fieldErrors.password ? `At least ${minPasswordLength} characters.` : undefined}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={fieldError('Password', 'password')}
      />
      {formError && <Alert tone="error">{formError}</Alert>}
      <Button type="submit" variant="primary" loading={busy}>
        {signingUp ? 'Create account' : 'Sign in'}
      </Button>
      <p className="muted">
        {signingUp ? (
          <>
            Already have an account? <Link href={`/sign-in${otherQuery}`}>Sign in</Link>
          </>
        ) : (
          <>
            New here? <Link href={`/sign-up${otherQuery}`}>Create an account</Link>
          </>
        )}
      </p>
    </form>
  );
}
