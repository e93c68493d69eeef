// The WebExtension API, one promise-based `browser` namespace for Chrome and Firefox. Both provide it natively:
// Firefox always has, Chrome since 148 (with promise-returning runtime.onMessage listeners since 144), which
// is why the manifest asks for Chrome 148. webextension-polyfill, which this project used until then, returns
// this very object in both and wraps nothing, so it only added 9.7 KB to every page's content script. Its
// type declarations (@types/webextension-polyfill) still describe the API.
import type { Browser } from 'webextension-polyfill';

const browser = (globalThis as unknown as { browser: Browser }).browser;
export default browser;
