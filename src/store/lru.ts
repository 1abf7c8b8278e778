// A map that holds at most `capacity` entries, forgetting the least recently used first. A Map
// keeps insertion order, so a hit moves its entry to the end by deleting and re-inserting it; but
// every delete leaves a hole the Map compacts by rehashing, and moving on every hit of a hot entry
// cost 6 % of 7.2.6's busy time (bench profile). A hit moves its entry only once it has drifted
// into the older three quarters, so a hot entry moves once per capacity/4 insertions, and an entry
// read is still kept for at least three quarters of a capacity of insertions after its read.

interface Entry<V> {
  value: V;
  /** The insertion count when the entry last went to the end. */
  stamp: number;
}

export class Lru<K, V> {
  readonly #capacity: number;
  readonly #drift: number;
  readonly #entries = new Map<K, Entry<V>>();
  #insertions = 0;

  constructor(capacity: number) {
    this.#capacity = capacity;
    this.#drift = capacity >> 2;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (this.#insertions - entry.stamp > this.#drift) {
      this.#entries.delete(key);
      entry.stamp = ++this.#insertions;
      this.#entries.set(key, entry);
    }
    return entry.value;
  }

  set(key: K, value: V): void {
    if (this.#capacity === 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, { value, stamp: ++this.#insertions });
    if (this.#entries.size > this.#capacity) this.#entries.delete(this.#entries.keys().next().value!);
  }

  delete(key: K): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}
