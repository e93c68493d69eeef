// Collections whose size a page cannot drive up: whatever a page does, the content script (and the background
// answering it) keeps at most a fixed number of entries, forgetting the least recently set first.

/** A Map of at most `capacity` entries: setting one more forgets the entry set longest ago. */
export class BoundedMap<K, V> extends Map<K, V> {
  readonly capacity: number;

  constructor(capacity: number) {
    super();
    this.capacity = capacity;
  }

  override set(key: K, value: V): this {
    // Deleting first moves a key set again to the most recent end.
    super.delete(key);
    super.set(key, value);
    if (this.size > this.capacity) super.delete(this.keys().next().value as K);
    return this;
  }
}

/** Counts events per key within a sliding time window, for at most `capacity` keys. */
export class EventWindow<K> {
  private readonly times: BoundedMap<K, number[]>;
  private readonly limit: number;
  private readonly windowMs: number;

  constructor(limit: number, windowMs: number, capacity: number) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.times = new BoundedMap(capacity);
  }

  /** Keys with events remembered. */
  get size(): number {
    return this.times.size;
  }

  /** Records an event of `key` at `now`, unless `limit` of its events already fall within the window: says which. */
  record(key: K, now: number): boolean {
    const recent = (this.times.get(key) ?? []).filter((time) => now - time < this.windowMs);
    const allowed = recent.length < this.limit;
    if (allowed) recent.push(now);
    this.times.set(key, recent);
    return allowed;
  }

  forget(key: K): void {
    this.times.delete(key);
  }
}
