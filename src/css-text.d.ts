// Style sheets that a script puts into a shadow root are imported as their text (minified by build.mjs).
// build.mjs defines it: false in the extension, true in the content script `tidings bench` times (content/watch.ts).
declare const TIDINGS_BENCH: boolean;
// build.mjs defines it false for the extension's scripts, which never scan plain text (scan/stats.ts plainTextMode);
// the command line and the tests leave it undefined.
declare const TIDINGS_PLAIN_TEXT: boolean | undefined;

declare module '*.css' {
  const text: string;
  export default text;
}
