// The entry `tidings bench` bundles and injects into headless Chromium's page: it exposes the same
// measurement the jsdom half imports, as one global function returning plain numbers.
import { provideAllLexicons } from '../lexicons/all';
import { IN_PAGE_FUNCTION, measurePage, type MeasureRequest } from './bench-measure';

// As in the content script once the background has sent the page's lexicon.
provideAllLexicons();

(globalThis as unknown as Record<string, unknown>)[IN_PAGE_FUNCTION] = (request: MeasureRequest) => measurePage(document, request);
