// The pure core's way in (DOM or plain text → findings); the same code runs under jsdom, in the
// content script and in the CLI.
export { createScanContext, documentSteps, scanDocument, scanRoot, scanSteps, type ScanContext } from './scan';
export { drain, type Steps } from './steps';
export { scanText, type TextFinding } from './text';
