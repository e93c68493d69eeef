// The pure core's way in (DOM or plain text → findings); the same code runs under jsdom, in the
// content script and in the CLI.
export { createScanContext, refreshArticle, scanDocument, scanRoot, type ScanContext } from './scan';
export { scanText, type TextFinding } from './text';
