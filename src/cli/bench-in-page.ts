// The entry `tidings bench` bundles and injects into headless Chromium's page: it exposes the same
// measurement the jsdom half imports, as one global function returning plain numbers.
import { IN_PAGE_FUNCTION, measurePage, type MeasureRequest } from './bench-measure';

(globalThis as unknown as Record<string, unknown>)[IN_PAGE_FUNCTION] = (request: MeasureRequest) => measurePage(document, request);
