// Bundles for `tidings bench`, built with build.mjs's own options: the content script whose size is
// reported, and the in-page measurement injected into Chromium, minified as the extension is.
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

interface BuildScript {
  ENTRIES: Record<string, string>;
  bundleOptions: esbuild.BuildOptions;
}

/** build.mjs is plain JavaScript outside the type-checked sources; importing it builds nothing. */
async function buildScript(): Promise<BuildScript> {
  const url = new URL('../../build.mjs', import.meta.url).href;
  return (await import(url)) as BuildScript;
}

/** `define` adds to (or overrides) build.mjs's own build-time constants. */
async function bundle(entry: string, define: Record<string, string> = {}): Promise<Uint8Array> {
  const { bundleOptions } = await buildScript();
  const result = await esbuild.build({ ...bundleOptions, define: { ...bundleOptions.define, ...define }, entryPoints: [entry], write: false });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild wrote no bundle for ${entry}`);
  return output.contents;
}

/** The content script as the extension ships it, or with build-time constants of `define` changed. */
export async function contentScript(define: Record<string, string> = {}): Promise<Uint8Array> {
  const { ENTRIES } = await buildScript();
  if (!ENTRIES.content) throw new Error('build.mjs names no content entry');
  return bundle(ENTRIES.content, define);
}

/** Bytes of the content script as the extension ships it. */
export async function contentScriptBytes(): Promise<number> {
  return (await contentScript()).byteLength;
}

/** The measurement as one script defining the global IN_PAGE_FUNCTION. */
export async function inPageScript(): Promise<string> {
  return new TextDecoder().decode(await bundle(fileURLToPath(new URL('./bench-in-page.ts', import.meta.url))));
}
