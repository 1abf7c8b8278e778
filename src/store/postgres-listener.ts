// LISTEN on PostgreSQL needs a connection that stays open (pooled ones come and go): one per
// database, opened at the first listen, and re-opened with all its channels when it drops.
import pg from 'pg';

const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 10_000;

interface Subscriber {
  onNotify(payload: string): void;
  onSubscription?: ((listening: boolean) => void) | undefined;
}

interface Channel {
  readonly subscribers: Set<Subscriber>;
  /** Settles once LISTEN has run for this channel. */
  readonly ready: Promise<void>;
}

export class PostgresListener {
  readonly #config: pg.ClientConfig;
  readonly #onBackgroundError: (error: Error) => void;
  readonly #channels = new Map<string, Channel>();
  #client: pg.Client | undefined;
  #connecting: Promise<pg.Client> | undefined;
  #retry: NodeJS.Timeout | undefined;
  #retryDelay = FIRST_RETRY_MS;
  #closed = false;

  constructor(config: pg.ClientConfig, onBackgroundError: (error: Error) => void) {
    this.#config = config;
    this.#onBackgroundError = onBackgroundError;
  }

  /** `channel` must already be a valid lower-case identifier. */
  async listen(channel: string, onNotify: (payload: string) => void, onSubscription?: (listening: boolean) => void): Promise<() => Promise<void>> {
    if (this.#closed) throw new Error('The database is closed');
    let entry = this.#channels.get(channel);
    if (entry === undefined) {
      const created: Channel = {
        subscribers: new Set(),
        ready: this.#connected()
          .then((client) => client.query(`LISTEN ${channel}`))
          .then(() => undefined),
      };
      this.#channels.set(channel, created);
      created.ready.catch(() => {
        if (this.#channels.get(channel) === created) this.#channels.delete(channel);
      });
      entry = created;
    }
    await entry.ready;
    const { subscribers } = entry;
    const subscriber: Subscriber = { onNotify, onSubscription };
    subscribers.add(subscriber);
    return async () => {
      if (!subscribers.delete(subscriber) || subscribers.size > 0) return;
      if (this.#channels.get(channel)?.subscribers !== subscribers) return;
      this.#channels.delete(channel);
      await this.#client?.query(`UNLISTEN ${channel}`);
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    const client = this.#client ?? (await this.#connecting?.catch(() => undefined));
    this.#client = undefined;
    await client?.end();
  }

  #connected(): Promise<pg.Client> {
    if (this.#client !== undefined) return Promise.resolve(this.#client);
    this.#connecting ??= this.#connect().finally(() => {
      this.#connecting = undefined;
    });
    return this.#connecting;
  }

  async #connect(): Promise<pg.Client> {
    const client = new pg.Client(this.#config);
    client.on('notification', ({ channel, payload }) => this.#deliver(channel, payload ?? ''));
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client));
    try {
      await client.connect();
      // Channels whose first LISTEN is still on its way are listened to twice, which is harmless.
      for (const channel of this.#channels.keys()) await client.query(`LISTEN ${channel}`);
      if (this.#closed) throw new Error('The database is closed');
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      throw error;
    }
    this.#client = client;
    this.#tell(true);
    return client;
  }

  #deliver(channel: string, payload: string): void {
    for (const { onNotify } of this.#channels.get(channel)?.subscribers ?? []) this.#call(() => onNotify(payload));
  }

  /** Subscribers hear that notifications may have been missed (false), or arrive again (true). */
  #tell(listening: boolean): void {
    for (const { subscribers } of this.#channels.values()) {
      for (const { onSubscription } of subscribers) if (onSubscription) this.#call(() => onSubscription(listening));
    }
  }

  #call(callback: () => void): void {
    try {
      callback();
    } catch (error) {
      this.#onBackgroundError(error as Error);
    }
  }

  #lost(client: pg.Client, error?: Error): void {
    if (client !== this.#client) return;
    this.#client = undefined;
    client.end().catch(() => undefined);
    if (this.#closed) return;
    this.#tell(false);
    this.#onBackgroundError(new Error('The LISTEN connection to PostgreSQL was lost; reconnecting', { cause: error }));
    if (this.#channels.size > 0) this.#reconnectLater();
  }

  #reconnectLater(): void {
    if (this.#retry !== undefined || this.#closed) return;
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      this.#connected().then(
        () => {
          this.#retryDelay = FIRST_RETRY_MS;
        },
        (error: Error) => {
          // Once per outage: every retry of a server that is down would fail the same way.
          if (this.#retryDelay === FIRST_RETRY_MS) {
            this.#onBackgroundError(new Error('Reconnecting the LISTEN connection to PostgreSQL failed; retrying with backoff', { cause: error }));
          }
          this.#retryDelay = Math.min(this.#retryDelay * 2, LAST_RETRY_MS);
          this.#reconnectLater();
        },
      );
    }, this.#retryDelay);
    // A server keeps the process alive anyway; a reconnect alone should not.
    this.#retry.unref();
  }
}
