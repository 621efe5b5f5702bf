// Writes that must land whole: a client of the pool to themselves, and on any failure a rollback
// of whatever they left open.
import type pg from 'pg';
import { getPool } from './client';

/**
 * Runs `work` on a pool client of its own, which it may use for a transaction it begins and ends
 * itself. When `work` throws, an open transaction is rolled back before the error propagates; a
 * client whose rollback failed is in an unknown state, so it is destroyed instead of pooled.
 */
export async function withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await getPool().connect();
  let broken: Error | undefined;
  // A connection the server drops while it is checked out emits 'error'; the pool listens only
  // to idle clients, so without this the process would die of an uncaught exception. The error
  // also fails the query in progress, which is what `work` sees.
  const onError = (error: Error) => {
    broken ??= error;
  };
  client.on('error', onError);
  try {
    return await work(client);
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

/** Runs `write` in a transaction on a client of its own: committed when it resolves, rolled back when it throws. */
export function inTransaction<T>(write: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withClient(async (client) => {
    await client.query('BEGIN');
    const result = await write(client);
    await client.query('COMMIT');
    return result;
  });
}
