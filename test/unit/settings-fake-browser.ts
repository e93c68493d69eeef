// An in-memory stand-in for the `browser.storage` API (src/browser.ts), enforcing Chrome's storage.sync
// quotas with the error messages Chromium 156 gives (seen in a real extension), and able to be told to fail. Tests mock src/browser.ts with it:
//   vi.mock('../../src/browser', async () => ({ default: (await import('./settings-fake-browser')).fakeBrowser }));
import type { Storage } from 'webextension-polyfill';

type ChangeListener = (changes: Record<string, Storage.StorageChange>, areaName: string) => void;

/** Chrome's storage.sync limits (chrome.storage.sync.QUOTA_BYTES etc.). */
export const CHROME_SYNC_QUOTA = { QUOTA_BYTES: 102400, QUOTA_BYTES_PER_ITEM: 8192, MAX_ITEMS: 512, MAX_WRITE_OPERATIONS_PER_MINUTE: 120 };

function bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

export class FakeStorageArea {
  /** Values are kept as JSON, as the browser serialises them. */
  private values = new Map<string, string>();
  /** When set, every get() rejects with this message. */
  failReads: string | undefined;
  /** When set, every set() rejects with this message (and stores nothing). */
  failWrites: string | undefined;
  /** Calls of get() and set(), including failed ones. */
  getCalls = 0;
  setCalls = 0;
  /** While holding, each set() waits for its own releaseWrite() before it stores anything. */
  private heldWrites: (() => void)[] | undefined;
  /** When each write of the last minute was made, for the quota of writes per minute. */
  private writeTimes: number[] = [];

  constructor(
    readonly name: 'sync' | 'local' | 'session',
    private readonly quota: typeof CHROME_SYNC_QUOTA | undefined,
    private readonly emit: (changes: Record<string, Storage.StorageChange>, areaName: string) => void,
  ) {}

  async get(keys?: null | string | string[]): Promise<Record<string, unknown>> {
    this.getCalls++;
    if (this.failReads !== undefined) throw new Error(this.failReads);
    const wanted = keys === undefined || keys === null ? [...this.values.keys()] : typeof keys === 'string' ? [keys] : keys;
    const result: Record<string, unknown> = {};
    for (const key of wanted) {
      const json = this.values.get(key);
      if (json !== undefined) result[key] = JSON.parse(json);
    }
    return result;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.setCalls++;
    if (this.heldWrites) await new Promise<void>((release) => this.heldWrites!.push(release));
    if (this.failWrites !== undefined) throw new Error(this.failWrites);
    if (this.quota) {
      // Chromium counts every set() call, whether or not it changes anything (message as Chromium 156 gives it).
      const now = Date.now();
      this.writeTimes = this.writeTimes.filter((time) => now - time < 60_000);
      if (this.writeTimes.length >= this.quota.MAX_WRITE_OPERATIONS_PER_MINUTE) {
        throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
      }
      this.writeTimes.push(now);
    }
    const next = new Map(this.values);
    for (const [key, value] of Object.entries(items)) next.set(key, JSON.stringify(value));
    if (this.quota) {
      for (const key of Object.keys(items)) {
        if (bytes(key) + bytes(next.get(key)!) > this.quota.QUOTA_BYTES_PER_ITEM) {
          throw new Error('Resource::kQuotaBytesPerItem quota exceeded');
        }
      }
      let total = 0;
      for (const [key, json] of next) total += bytes(key) + bytes(json);
      if (total > this.quota.QUOTA_BYTES) throw new Error('Resource::kQuotaBytes quota exceeded');
      if (next.size > this.quota.MAX_ITEMS) throw new Error('Resource::kMaxItems quota exceeded');
    }
    const changes: Record<string, Storage.StorageChange> = {};
    for (const key of Object.keys(items)) {
      const old = this.values.get(key);
      changes[key] = { oldValue: old === undefined ? undefined : JSON.parse(old), newValue: JSON.parse(next.get(key)!) };
    }
    this.values = next;
    this.emit(changes, this.name);
  }

  /** Test helper: from now on set() waits until releaseWrite() lets it go, one call at a time. */
  holdWrites(): void {
    this.heldWrites = [];
  }

  /** Test helper: how many set() calls are waiting. */
  get waitingWrites(): number {
    return this.heldWrites?.length ?? 0;
  }

  /** Test helper: lets the oldest waiting set() go on. */
  releaseWrite(): void {
    const release = this.heldWrites?.shift();
    if (!release) throw new Error('no write is waiting');
    release();
  }

  /** Test helper: the raw contents, for before/after comparisons. */
  snapshot(): Record<string, unknown> {
    return Object.fromEntries([...this.values].map(([key, json]) => [key, JSON.parse(json)]));
  }

  /** Test helper: puts items in place without quota checks or events (e.g. data from an older build). */
  seed(items: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(items)) this.values.set(key, JSON.stringify(value));
  }
}

/**
 * A storage namespace of its own: a sync area (with Chrome's quotas) and a local one, and the onChanged event
 * they fire. `areas()` makes fresh, empty, working areas on the same event.
 */
export function createFakeStorage() {
  const listeners = new Set<ChangeListener>();
  const emit = (changes: Record<string, Storage.StorageChange>, areaName: string): void => {
    // The browser delivers onChanged after the write's promise settles.
    setTimeout(() => {
      for (const listener of listeners) listener(changes, areaName);
    }, 0);
  };
  const areas = () => ({
    sync: new FakeStorageArea('sync', CHROME_SYNC_QUOTA, emit),
    local: new FakeStorageArea('local', undefined, emit),
    session: new FakeStorageArea('session', undefined, emit),
  });
  const onChanged = {
    addListener: (listener: ChangeListener) => void listeners.add(listener),
    removeListener: (listener: ChangeListener) => void listeners.delete(listener),
    hasListener: (listener: ChangeListener) => listeners.has(listener),
  };
  return { storage: { ...areas(), onChanged }, areas, listenerCount: () => listeners.size };
}

const shared = createFakeStorage();

export const fakeBrowser = {
  storage: { ...shared.storage, sync: shared.storage.sync as FakeStorageArea | undefined },
};

/** Fresh, empty, working storage areas (listeners stay: each test removes its own). */
export function resetFakeBrowser(): { sync: FakeStorageArea; local: FakeStorageArea; session: FakeStorageArea } {
  const { sync, local, session } = shared.areas();
  fakeBrowser.storage.sync = sync;
  fakeBrowser.storage.local = local;
  fakeBrowser.storage.session = session;
  return { sync, local, session };
}

export function listenerCount(): number {
  return shared.listenerCount();
}
