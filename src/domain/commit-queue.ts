// Group commit: every COMMIT waits for the disk, so concurrent changes that each commit alone
// spend most of their time waiting in turn. Here, while one group's transaction is in flight,
// arriving items wait; when it ends, all that waited (up to a bound) go together as the next
// group, in one transaction.

/** What one item of a group came to: its own result, or its own refusal. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Runs a group: the items in arrival order, and an outcome for each in the same order. It throws
 * only when the group as a whole failed (its transaction), and then every item gets that error.
 */
export type RunGroup<I, R> = (items: I[]) => Promise<Outcome<R>[]>;

interface Waiting<I, R> {
  item: I;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

export class CommitQueue<I, R> {
  readonly #run: RunGroup<I, R>;
  readonly #maxGroup: number;
  #waiting: Waiting<I, R>[] = [];
  #running = false;

  /** `maxGroup` bounds a group, and so the size of its statements and how long its locks are held. */
  constructor(run: RunGroup<I, R>, maxGroup: number) {
    if (!Number.isInteger(maxGroup) || maxGroup < 1) throw new RangeError(`a group holds at least one item, not ${maxGroup}`);
    this.#run = run;
    this.#maxGroup = maxGroup;
  }

  /** Settles when the item's group has committed (or failed), with the item's own outcome. */
  submit(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#waiting.push({ item, resolve, reject });
      if (this.#running) return;
      this.#running = true;
      // An idle queue starts the group once the event loop has handled every socket it found
      // readable, so requests that arrived together go together. On PGlite this is the only way
      // to group at all: it runs in this thread, and a transaction never lets the loop read a
      // socket, so no request arrives while a group is in flight.
      setImmediate(() => void this.#drain());
    });
  }

  async #drain(): Promise<void> {
    while (this.#waiting.length > 0) {
      const group = this.#waiting.splice(0, this.#maxGroup);
      let outcomes: Outcome<R>[];
      try {
        outcomes = await this.#run(group.map((w) => w.item));
      } catch (error) {
        for (const w of group) w.reject(error);
        continue;
      }
      group.forEach((w, i) => {
        const outcome = outcomes[i]!;
        if (outcome.ok) w.resolve(outcome.value);
        else w.reject(outcome.error);
      });
    }
    this.#running = false;
  }
}
