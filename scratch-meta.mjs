import * as esbuild from 'esbuild';
import { bundleOptions } from './build.mjs';
const names = process.argv[2];
const r = await esbuild.build({ ...bundleOptions, entryPoints: ['src/content/index.ts'], write: false, ...(names ? { mangleProps: new RegExp(`^(?:${names})$`) } : {}) });
console.log(r.outputFiles[0].contents.length);
