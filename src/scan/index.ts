// The pure core's way in (DOM or plain text → findings); the same code runs under jsdom, in the
// content script and in the CLI.
export { ARTICLE_UNKNOWN, createScanContext, documentSteps, scanDocument, scanRoot, scanSteps, wordsAtHand, type ScanContext } from './scan';
export { drain, runUntil, type Steps } from './steps';
export { scanText, type TextFinding } from './text';
