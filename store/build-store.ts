// `npm run store` (and the end of `npm run build`): writes the store listing into dist/store/ — each UI language's
// summary and description, the privacy statement, and the 1280 × 800 screenshots. The screenshots need Chromium
// and the built extension; without Chromium they are skipped with one line saying so, so `npm ci && npm run build`
// works on a machine without browsers.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { browserExecutable } from '../src/cli/browser-paths';
import { listingProblems, readListing, writeListing } from './listing';
import { writeStoreScreenshots } from './screenshots';

async function main(): Promise<number> {
  const root = resolve('.');
  const outDir = join(root, 'dist/store');
  const listing = readListing(root);
  const problems = listingProblems(listing);
  if (problems.length > 0) {
    console.error(`store listing: a store would refuse it:\n  ${problems.join('\n  ')}`);
    return 1;
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'screenshots'), { recursive: true });
  const written = writeListing(listing, outDir);
  const chromium = browserExecutable('chromium');
  if (existsSync(chromium.path)) {
    written.push(...(await writeStoreScreenshots(join(outDir, 'screenshots'))));
  } else {
    console.log(`store listing: screenshots skipped, no Chromium at ${chromium.path} (npm test installs it; or set ${chromium.variable})`);
  }
  console.log(`store listing: ${written.map((path) => relative(root, path)).join(', ')}`);
  return 0;
}

process.exitCode = await main();
