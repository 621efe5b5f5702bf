'use client';
// API tokens: create one (its secret is shown once, right here), see which exist and when they
// were last used, revoke any of them.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { InputField } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/ui/relative-time';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { Table } from '@/components/ui/table';
import { ApiError, errorMessage } from '@/lib/client/api-error';
import { createApiToken, listApiTokens, revokeApiToken, type ApiToken } from '@/lib/client/auth-api';

function NewTokenForm({ onCreated }: { onCreated: (token: string, apiToken: ApiToken) => void }) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { token, apiToken } = await createApiToken(name);
      setName('');
      onCreated(token, apiToken);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const nameProblem = error instanceof ApiError ? error.fieldErrors.name : undefined;
  const fieldError = nameProblem && `The name ${nameProblem}.`;
  return (
    <form className="row align-end" onSubmit={submit} noValidate aria-label="Create an API token">
      <InputField
        label="Token name"
        hint={fieldError ? undefined : 'What the token is for, e.g. nightly export.'}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={fieldError ?? (error !== null && !fieldError ? errorMessage(error) : undefined)}
        required
        maxLength={100}
      />
      <Button type="submit" variant="primary" loading={busy}>
        Create token
      </Button>
    </form>
  );
}

function NewTokenSecret({ token }: { token: string }) {
  const origin = typeof window === 'undefined' ? 'http://localhost:3000' : window.location.origin;
  return (
    <Alert tone="success" title="Copy your new token now: it will not be shown again." data-testid="new-token">
      <p className="new-token" data-testid="new-token-value">
        {token}
      </p>
      <p className="muted">
        Use it as{' '}
        <code>
          curl -H &quot;Authorization: Bearer {token.slice(0, 8)}…&quot; {origin}/api/datasets
        </code>
      </p>
    </Alert>
  );
}

export function TokensPage() {
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [secret, setSecret] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setTokens(await listApiTokens());
    } catch (caught) {
      setError(caught);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const revoke = async (token: ApiToken) => {
    await revokeApiToken(token.id);
    setTokens((current) => current?.filter((t) => t.id !== token.id) ?? null);
  };

  return (
    <>
      <PageHeader title="API tokens" />
      <div className="stack">
        <Card
          title="New token"
          description="Scripts send a token as “Authorization: Bearer <token>” and act as you: they see and change your datasets, runs and schedules."
        >
          <div className="stack">
            <NewTokenForm
              onCreated={(token, apiToken) => {
                setSecret(token);
                setTokens((current) => [apiToken, ...(current ?? [])]);
              }}
            />
            {secret && <NewTokenSecret token={secret} />}
          </div>
        </Card>
        <Card title="Your tokens">
          {error !== null ? (
            <ErrorState error={error} title="Could not load your tokens" onRetry={load} />
          ) : tokens === null ? (
            <LoadingState label="Loading tokens…" compact />
          ) : tokens.length === 0 ? (
            <EmptyState title="No tokens yet" compact>
              Create one above to call the API from scripts.
            </EmptyState>
          ) : (
            <Table caption="Your API tokens" data-testid="token-list">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Token</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id}>
                    <td>{token.name}</td>
                    <td>
                      <code>{token.prefix}…</code>
                    </td>
                    <td>
                      <RelativeTime value={token.createdAt} />
                    </td>
                    <td>{token.lastUsedAt ? <RelativeTime value={token.lastUsedAt} /> : 'Never'}</td>
                    <td>
                      <ConfirmButton
                        size="sm"
                        variant="danger"
                        title={`Revoke “${token.name}”?`}
                        description="Scripts using this token will get 401 Unauthorized from now on."
                        confirmLabel="Revoke token"
                        aria-label={`Revoke ${token.name}`}
                        onConfirm={() => revoke(token)}
                      >
                        Revoke
                      </ConfirmButton>
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
