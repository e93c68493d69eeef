// Content script entry (document_start, top frame of http/https pages).
import { startTidings } from './page';

startTidings(document, location.hostname);
