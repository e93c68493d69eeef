// Renders the toolbar/store icons from the SVG drawings beside this file (`npm run icons`).
// The PNGs are committed so a build needs no native renderer; re-run this after editing an SVG.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const here = dirname(fileURLToPath(import.meta.url));
const ICON_SIZES = [16, 32, 48, 128];
const DRAWINGS = ['tidings', 'tidings-off'];

for (const name of DRAWINGS) {
  const svg = readFileSync(join(here, `${name}.svg`), 'utf8');
  for (const size of ICON_SIZES) {
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
    const file = join(here, `${name}-${size}.png`);
    writeFileSync(file, png);
    console.log(`${file} (${png.length} bytes)`);
  }
}
