// Attack 2 of issue 13: a page kept the detached "Always show" button and clicked it 400 times. Every click
// wrote the settings, changed or not, and the reader's next change was refused by storage.sync
// (MAX_WRITE_OPERATIONS_PER_MINUTE) and saved on the device only. The fake sync area enforces Chrome's 120 writes
// a minute with Chromium's message.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { ALWAYS_SHOW_LIMIT, answerMessage } from '../../src/background/answer';
import { defaultSettings } from '../../src/settings/schema';
import { loadSettings, saveSettings, updateSettings } from '../../src/settings/store';
import { setDetectorEnabled } from '../../src/ui/settings-edits';
import { resetFakeBrowser, type FakeStorageArea } from '../unit/settings-fake-browser';

vi.mock('../../src/browser', async () => ({ default: (await import('../unit/settings-fake-browser')).fakeBrowser }));

const BURST = 400;
let sync: FakeStorageArea;
let local: FakeStorageArea;

beforeEach(() => {
  ({ sync, local } = resetFakeBrowser());
});

const writes = (): number => sync.setCalls + local.setCalls;

function alwaysShowFrom(tabId: number, host: string): Promise<unknown> {
  const request = { type: 'tidings:always-show', host, detectorIds: ['donation-appeal', 'membership-plea', 'link-farm'] };
  return answerMessage(request, { tab: { id: tabId } } as Runtime.MessageSender)!;
}

describe('a burst of saves from a page', () => {
  it(`${BURST} identical "Always show" requests from one tab write at most once, and the reader's next change still syncs`, async () => {
    await Promise.allSettled(Array.from({ length: BURST }, () => alwaysShowFrom(41, 'news.example')));
    expect(writes()).toBeLessThanOrEqual(1);
    const saved = await updateSettings((settings) => setDetectorEnabled(settings, 'app-promo', false));
    expect(saved.area).toBe('sync');
    expect(saved.notices).toBeUndefined();
    expect(saved.settings.detectors['app-promo']).toBe(false);
  });

  it(`${BURST} requests that each change something are cut to ${ALWAYS_SHOW_LIMIT.saves} a minute per tab; other tabs still save`, async () => {
    const results = await Promise.allSettled(Array.from({ length: BURST }, (_, i) => alwaysShowFrom(42, `site${i}.example`)));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(ALWAYS_SHOW_LIMIT.saves);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { message: expect.stringMatching(/not saved/) } });
    expect(writes()).toBe(ALWAYS_SHOW_LIMIT.saves);
    await alwaysShowFrom(43, 'other.example');
    expect(Object.keys((await loadSettings()).settings.siteExceptions)).toContain('other.example');
    expect((await updateSettings((settings) => setDetectorEnabled(settings, 'app-promo', false))).area).toBe('sync');
  });
});

describe('no write without a change', () => {
  it('saving the stored settings again, or an edit that changes nothing, writes nothing', async () => {
    await saveSettings(defaultSettings());
    const before = writes();
    await saveSettings(defaultSettings());
    await updateSettings((settings) => settings);
    await updateSettings((settings) => setDetectorEnabled(settings, 'link-farm', true));
    expect(writes()).toBe(before);
    await updateSettings((settings) => setDetectorEnabled(settings, 'link-farm', false));
    expect(writes()).toBe(before + 1);
  });

  it('still writes when the stored copy differs in what it holds (invalid data replaced by defaults)', async () => {
    sync.seed({ 'settings.core': { version: 1, savedAt: 5, detectors: {}, sensitivity: 'max', placeholderMode: 'placeholder' } });
    const before = sync.setCalls;
    await saveSettings(defaultSettings());
    expect(sync.setCalls).toBe(before + 1);
    expect((await loadSettings()).notices).toBeUndefined();
  });
});
