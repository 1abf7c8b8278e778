// Catches a database being called from inside its own transaction: on PGlite (one connection)
// that call would wait for the very transaction it is part of, for ever; on PostgreSQL it would
// quietly run outside the transaction on another connection.
import { AsyncLocalStorage } from 'node:async_hooks';

interface Scope {
  readonly db: object;
  open: boolean;
}

const scopes = new AsyncLocalStorage<readonly Scope[]>();

export function assertOutsideTransaction(db: object, call: string): void {
  if (scopes.getStore()?.some((scope) => scope.db === db && scope.open)) {
    throw new Error(
      `${call} was called on the database inside one of its own transactions: use the transaction's tx instead`,
    );
  }
}

/** Runs `fn` marked as inside a transaction of `db`; the mark ends with the transaction, even for
 * callbacks `fn` left behind. */
export async function inTransactionScope<T>(db: object, fn: () => Promise<T>): Promise<T> {
  const scope: Scope = { db, open: true };
  try {
    return await scopes.run([...(scopes.getStore() ?? []), scope], fn);
  } finally {
    scope.open = false;
  }
}
