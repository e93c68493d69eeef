// Style sheets that a script puts into a shadow root are imported as their text (minified by build.mjs).
declare module '*.css' {
  const text: string;
  export default text;
}
