// Content script entry (document_start, top frame of http/https pages).
import { t } from '../ui/i18n';
import { startTidings } from './page';

// Chromium loads an extension's messages into a page on their first read, a round trip to the browser: read first
// when the first block was collapsed on a big page still loading, it held that task up for 0.1–0.6 s; now it costs
// 7–27 ms here, before the page has anything to show.
t('placeholder_hidden');
startTidings(document, location.hostname);
