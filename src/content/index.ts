// Content script entry (document_start, top frame of http/https pages).
import { t } from '../ui/i18n';
import { startTidings } from './page';

// Chromium loads an extension's messages into a page at their first read, a round trip to the browser. Left to the
// first collapse, on a big page still loading, it held that batch up for 0.1–0.6 s; read here, before the page has
// anything to show, it costs 7–27 ms.
t('placeholder_hidden');
startTidings(document, location.hostname);
