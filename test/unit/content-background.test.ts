// The content script's requests to the background: retried while the background is not listening yet,
// never retried when they write, and a reply that is not what was asked for is an error.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { requestAlwaysShow, requestLexicon, requestSiteSettings } from '../../src/content/background';
import { defaultSettings } from '../../src/settings/schema';
import { siteSettings } from '../../src/settings/site';

const sendMessage = vi.fn();
vi.mock('../../src/browser', () => ({ default: { runtime: { sendMessage: (message: unknown) => sendMessage(message) } } }));

const notListening = new Error('Could not establish connection. Receiving end does not exist.');
const site = siteSettings(defaultSettings(), 'news.example');

beforeEach(() => {
  vi.useFakeTimers();
  sendMessage.mockReset();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('requests to the background', () => {
  it('asks again while the background is not listening yet, and takes the answer that comes', async () => {
    sendMessage.mockRejectedValueOnce(notListening).mockRejectedValueOnce(notListening).mockResolvedValueOnce(site);
    const settings = requestSiteSettings('news.example');
    await vi.advanceTimersByTimeAsync(500);
    await expect(settings).resolves.toEqual(site);
    expect(sendMessage).toHaveBeenCalledTimes(3);
    expect(sendMessage).toHaveBeenCalledWith({ type: 'tidings:get-site-settings', host: 'news.example' });
  });

  it('gives up after three more tries, with the last error', async () => {
    sendMessage.mockRejectedValue(notListening);
    const settings = requestSiteSettings('news.example');
    const settled = expect(settings).rejects.toBe(notListening);
    await vi.advanceTimersByTimeAsync(2_100);
    await settled;
    expect(sendMessage).toHaveBeenCalledTimes(4);
  });

  it('does not repeat a save that failed', async () => {
    sendMessage.mockRejectedValue(new Error('Could not save settings.'));
    await expect(requestAlwaysShow('news.example', ['link-farm'])).rejects.toThrow('Could not save settings.');
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(sendMessage).toHaveBeenCalledWith({ type: 'tidings:always-show', host: 'news.example', detectorIds: ['link-farm'] });
  });

  it('takes an answer that is not settings, or not the lexicon asked for with the patterns and weights, as an error', async () => {
    sendMessage.mockResolvedValueOnce(undefined);
    await expect(requestSiteSettings('news.example')).rejects.toThrow('the background sent no settings');
    sendMessage.mockResolvedValueOnce(undefined);
    await expect(requestLexicon('de')).rejects.toThrow('the background sent no lexicon for "de"');
    sendMessage.mockResolvedValueOnce({ lexicon: { lang: 'fr' }, patterns: {} });
    await expect(requestLexicon('de')).rejects.toThrow('the background sent no lexicon for "de"');
    // Words without the patterns of class names and links would judge blocks by their text alone.
    sendMessage.mockResolvedValueOnce({ lexicon: { lang: 'de' } });
    await expect(requestLexicon('de')).rejects.toThrow('the background sent no lexicon for "de"');
    sendMessage.mockResolvedValueOnce({ lexicon: { lang: 'de' }, patterns: null });
    await expect(requestLexicon('de')).rejects.toThrow('the background sent no lexicon for "de"');
    // Nor without the models' weights, which no block would ever reach.
    sendMessage.mockResolvedValueOnce({ lexicon: { lang: 'de' }, patterns: { hints: {} } });
    await expect(requestLexicon('de')).rejects.toThrow('the background sent no lexicon for "de"');
    const whole = { lexicon: { lang: 'de' }, patterns: { hints: {} }, models: { plea: {}, linkList: {} } };
    sendMessage.mockResolvedValueOnce(whole);
    await expect(requestLexicon('de')).resolves.toBe(whole);
  });

  it('takes null for a language Tidings has no lexicon for', async () => {
    sendMessage.mockResolvedValueOnce(null);
    await expect(requestLexicon('eu')).resolves.toBeNull();
  });
});
