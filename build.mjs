// Builds the extension for Chrome and Firefox from one manifest and one set of sources.
//   node build.mjs          clean dist/, bundle, copy statics, write both manifests and both zips
//   node build.mjs --watch  rebuild both unpacked folders on every change (no zips)
// Importing this file builds nothing: `tidings bench` imports ENTRIES and bundleOptions so the content
// script it measures is built exactly as the extension's.
// The bundles are identical for both browsers (both provide the `browser` namespace, src/browser.ts); only the
// manifest differs: Chrome runs the background as a service worker, Firefox as background scripts.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Buffer } from 'node:buffer';
import { crc32, deflateRawSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { minify as terserMinify } from 'terser';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const BROWSERS = ['chrome', 'firefox'];
// Desktop Firefox 140 is ESR 140: Debian's and Tor Browser 15's. data_collection_permissions came to desktop
// Firefox in 140 but to Firefox for Android only in 142, so Android asks for 142 (web-ext lint checks both).
const GECKO = {
  id: 'tidings@tidings.invalid',
  strict_min_version: '140.0',
  data_collection_permissions: { required: ['none'] },
};
const GECKO_ANDROID = { strict_min_version: '142.0' };

/** Script entry points → bundle names in each browser folder. */
export const ENTRIES = {
  content: 'src/content/index.ts',
  background: 'src/background/index.ts',
  popup: 'src/popup/popup.ts',
  options: 'src/options/options.ts',
  // Injected into a tab only when the reader asks for the picker (scripting.executeScript), never on every page.
  picker: 'src/picker/index.ts',
};

/** Files and folders copied as they are: source (relative to the repo) → destination (relative to the browser folder). */
const STATICS = {
  'src/popup/popup.html': 'popup.html',
  'src/popup/popup.css': 'popup.css',
  'src/options/options.html': 'options.html',
  'src/options/options.css': 'options.css',
  'src/_locales': '_locales',
};

function iconFiles() {
  return readdirSync(join(root, 'icons')).filter((name) => name.endsWith('.png')).map((name) => `icons/${name}`);
}

/** Fails with one clear message naming every missing source, instead of a half-built extension. */
function checkSources() {
  const required = [...Object.values(ENTRIES), ...Object.keys(STATICS), 'src/_locales/en/messages.json', 'manifest.json'];
  const missing = required.filter((path) => !existsSync(join(root, path)));
  if (iconFiles().length === 0) missing.push('icons/*.png (run `npm run icons`)');
  if (missing.length > 0) {
    throw new Error(`Cannot build: missing source files:\n  ${missing.join('\n  ')}`);
  }
}

function manifestFor(browser) {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  manifest.version = version;
  if (browser === 'firefox') {
    manifest.background = { scripts: ['background.js'] };
    manifest.browser_specific_settings = { gecko: GECKO, gecko_android: GECKO_ANDROID };
  } else {
    manifest.background = { service_worker: 'background.js' };
    delete manifest.browser_specific_settings;
  }
  return manifest;
}

/** Copies statics and manifests into both folders and the freshly bundled scripts from chrome/ to firefox/. */
function assemble() {
  for (const browser of BROWSERS) {
    const out = join(dist, browser);
    mkdirSync(out, { recursive: true });
    for (const [from, to] of Object.entries(STATICS)) {
      cpSync(join(root, from), join(out, to), { recursive: true });
    }
    for (const icon of iconFiles()) cpSync(join(root, icon), join(out, icon));
    writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifestFor(browser), null, 2)}\n`);
  }
  for (const name of Object.keys(ENTRIES)) {
    cpSync(join(dist, 'chrome', `${name}.js`), join(dist, 'firefox', `${name}.js`));
  }
}

/**
 * Fields of the scan's own records (the per-element figures of scan/stats.ts, the models' signals and scores,
 * the detectors' definitions) and of the content script's bookkeeping, written and read inside one bundle and
 * never stored, sent in a message or read by a page: minified to short names like locals (several KB of the
 * content script). Only names that no DOM or extension API uses belong here. Classes declare these fields
 * rather than take them as parameter properties, whose declared field esbuild does not mangle (eslint.config.js).
 */
const internalProperties = new RegExp(`^(?:${[
  'textLength', 'linkTextLength', 'nonLinkLength', 'shortLinks', 'headlineLinks', 'legalLinks', 'pageLinks', 'dateLinks',
  'donateLinks', 'memberLinks', 'appLinks', 'socialLinks', 'tagLinks', 'forms', 'emailInputs', 'passwordInputs', 'textInputs', 'searchInputs',
  'listItems', 'paragraphs', 'pleaParagraphs', 'pleaChars', 'plainBeforePlea', 'seenPlea', 'storyParagraphs', 'hintBits',
  'headings', 'textareas', 'leading', 'inNavigation', 'lineWall', 'menus', 'inPageHeader', 'inFooter', 'inAside',
  'inComments', 'subtreeEnd', 'ownsBlock', 'ownsCta', 'articleBodies', 'proseParagraphs',
  'prior', 'stats', 'contributions', 'probability', 'memo', 'lazy', 'claim', 'samples', 'hits', 'place', 'mayMatch', 'enabledByDefault',
  'detect', 'category', 'languageSettled', 'numberIndex', 'currencyIndex', 'currencyKeys', 'element', 'phrase', 'partials',
  // The content script's own bookkeeping (content/*.ts).
  'articleRank', 'reason', 'list', 'links', 'elements', 'buttons', 'block', 'entryById', 'shownByReader',
  'pending', 'backoffMs', 'fallbackDelayMs', 'madeFocusable', 'collapses', 'abandoned', 'verdicts', 'matchedElements', 'observer', 'anchor',
  'limits', 'events', 'visit', 'placeholder', 'selectors', 'ownMarks', 'steps', 'alwaysShowLabel', 'placeholderReasons', 'overrun',
  'yielded', 'scheduled', 'flushing', 'removalsUnread', 'deferred', 'loadingIdleShare', 'siblingsParentMaxChildren', 'siblingsToParent',
  'idleShare', 'maxDelayMs', 'budgetMs', 'maxPending', 'selectorMs', 'maxRepeats', 'windowMs', 'signatures',
  'article', 'firstPaintWaitMs', 'beforePaintMs', 'revealWhere', 'renderPlaceholder', 'ukrainianLetters', 'russianLetters',
  'holders', 'watchUntil', 'unlocks', 'watchRelock', 'spent', 'capacity', 'mergeSiblings', 'takeRoots', 'scanPending', 'showRun',
  'conceal', 'regroup', 'pieceBeforeLast', 'lastPiece', 'numberStart', 'numberText', 'firstFilter', 'amountBefore', 'moneyHit',
  'pieces', 'sweepElement', 'rootsScanned', 'loopRefusals', 'setSelectors', 'hideAgain', 'summaries', 'onRemoved', 'schedule',
  'setReady', 'covers', 'overlayOf', 'lists', 'changes', 'lead', 'queue', 'token', 'order', 'finding', 'overlay',
  'amount', 'images', 'score', 'priority', 'found', 'articles', 'scores', 'saved', 'hadStyle', 'appealPage', 'waits',
  'standalonePlea', 'times', 'counts', 'chars', 'matcher', 'signal', 'letters', 'unobserved', 'loadingRecords', 'reveal', 'changed',
  'record', 'langs', 'ready', 'alwaysShow', 'marks', 'scanRoot', 'matched', 'collect', 'context', 'parsing', 'flush', 'unlock', 'ignore',
  'collapser', 'first', 'second', 'third', 'piece', 'inner', 'doc', 'work', 'busy', 'own', 'names', 'unseen', 'untold', 'tellUnseen', 'lookAt', 'shows',
  // The statistics pass's open elements and text runs, and the language tally's stop-word weights (scan/stats.ts, scan/language.ts).
  'bits', 'cta', 'link', 'covered', 'parts', 'words', 'weight', 'scriptLetters', 'han', 'kana', 'hangul',
  // The models' signals (scan/model.ts).
  'compute',
].join('|')})$`);

/** Style sheets a script puts into a shadow root (content/placeholder.css) come in as text, minified like the scripts. */
const cssAsText = {
  name: 'css-as-text',
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async ({ path }) => {
      const { code } = await esbuild.transform(readFileSync(path, 'utf8'), { loader: 'css', minify: true });
      return { contents: code.trim(), loader: 'text' };
    });
  },
};

/**
 * terser's compressor over every script esbuild bundled and minified: it takes out what esbuild's one-pass minifier
 * leaves (joined statements, folded conditions, inlined one-use constants), about 1.6 KB of the content script, whose
 * budget is 61 440 bytes. Four passes (a third took 24 more bytes out than two, a fourth 21 more), `hoist_funs`, which moves function declarations to the top of their scope, where
 * the language puts them anyway (244 bytes), and two more: `unsafe_arrows` writes the functions it inlines where they
 * are called (`(function(e){…})(x)`) as arrows, 541 bytes less. It is unsafe only for a function whose prototype is used (`new`);
 * it leaves those reading `this` or `arguments` alone, and the sources write no function expression but one that does
 * (the bench's layout counter). `pure_getters` lets it reorder and inline across property reads (31 bytes): no getter
 * the scripts read has an effect they rely on, and none reads a property only for its effect (a layout-forcing
 * `offsetHeight`). `Object.keys` is declared pure: a constant built with it (the settings schema's PHRASE_KINDS)
 * that a bundle never reads is then dropped (62 bytes of the content script), where terser alone keeps the call.
 * `unsafe` and `unsafe_methods` (117 bytes) drop `new` before built-ins that need none (`RegExp`, `Array`, `Error`),
 * write `String(n)` and template strings as `+ ""` concatenations, and methods in object literals as shorthand: the
 * scripts convert only numbers, strings and booleans (no symbol, no object with its own `valueOf`), construct no
 * object literal's method, and run in the extension's isolated world, where a page cannot replace the built-ins.
 * `unsafe_comps` (37 bytes) rewrites comparisons as their negated opposites (`a <= b` as `!(a > b)`), which differ only
 * when an operand is NaN: none of the scripts' figures can be (every division checks for a zero whole, a style's
 * number read falls back to 0, and TypeScript refuses to compare a number that may be undefined).
 * The scripts are written here, after it, when the build was asked to write them.
 */
const terserPass = {
  name: 'terser-pass',
  setup(build) {
    const write = build.initialOptions.write ?? true;
    build.initialOptions.write = false;
    build.onEnd(async (result) => {
      if (result.errors.length > 0 || !result.outputFiles) return;
      // Every output is a script (style sheets come in as text); one built without a file name is "<stdout>".
      result.outputFiles = await Promise.all(result.outputFiles.map(async (file) => {
        const { code } = await terserMinify(file.text, { ecma: 2022, compress: { passes: 4, hoist_funs: true, pure_funcs: ['Object.keys'], pure_getters: true, unsafe: true, unsafe_arrows: true, unsafe_comps: true, unsafe_methods: true }, mangle: true });
        const contents = Buffer.from(code);
        return { path: file.path, hash: file.hash, contents, text: code };
      }));
      if (!write) return;
      for (const file of result.outputFiles) {
        mkdirSync(dirname(file.path), { recursive: true });
        writeFileSync(file.path, file.contents);
      }
    });
  },
};

/**
 * How every bundle is built, apart from its entry and where it goes. Minified (by esbuild, then terser): the content
 * script is injected into every page the reader opens. UTF-8: the lexicons' Cyrillic stays one character, not
 * a six-byte \uXXXX escape.
 */
export const bundleOptions = {
  absWorkingDir: root,
  bundle: true,
  format: 'iife',
  target: ['chrome148', 'firefox140'],
  charset: 'utf8',
  minify: true,
  mangleProps: internalProperties,
  // On in the content script `tidings bench` builds for itself (its batches timed, see content/watch.ts), never here.
  // The extension scans pages, never plain text: what serves only that (scan/stats.ts plainTextMode) is left out.
  define: { TIDINGS_BENCH: 'false', TIDINGS_PLAIN_TEXT: 'false' },
  plugins: [cssAsText, terserPass],
  sourcemap: false,
  logLevel: 'warning',
};

const esbuildOptions = {
  ...bundleOptions,
  entryPoints: Object.entries(ENTRIES).map(([out, input]) => ({ in: input, out })),
  outdir: join(dist, 'chrome'),
};

function listFiles(dir) {
  const files = [];
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop();
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) pending.push(path);
      else files.push(path);
    }
  }
  return files.sort();
}

/**
 * Writes a standard deflate zip of `dir` (paths relative to it, manifest.json at the root).
 * Plain Node instead of the `zip` CLI so CI machines need nothing extra; a fixed timestamp
 * (1980-01-01) makes the archive depend only on its contents.
 */
function writeZip(dir, zipPath) {
  const DOS_DATE = (0 << 9) | (1 << 5) | 1;
  const UTF8_NAMES = 0x0800;
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const file of listFiles(dir)) {
    const name = Buffer.from(relative(dir, file).split('\\').join('/'));
    const data = readFileSync(file);
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    local.copy(central, 6, 4, 30);
    central.writeUInt16LE(0, 32);
    central.writeUInt16LE(0, 34);
    central.writeUInt16LE(0, 36);
    central.writeUInt32LE(0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const entryCount = centrals.length / 2;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entryCount, 8);
  end.writeUInt16LE(entryCount, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(zipPath, Buffer.concat([...locals, directory, end]));
}

async function buildOnce() {
  rmSync(dist, { recursive: true, force: true });
  await esbuild.build(esbuildOptions);
  assemble();
  for (const browser of BROWSERS) {
    const zipPath = join(dist, `tidings-${browser}-${version}.zip`);
    writeZip(join(dist, browser), zipPath);
  }
  for (const file of listFiles(dist).filter((path) => !path.includes('_locales'))) {
    console.log(`${relative(root, file).padEnd(48)} ${statSync(file).size} B`);
  }
}

async function watchForever() {
  rmSync(dist, { recursive: true, force: true });
  const reassemble = {
    name: 'tidings-assemble',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length > 0) return;
        try {
          assemble();
          console.log(`[${new Date().toLocaleTimeString()}] rebuilt dist/chrome and dist/firefox`);
        } catch (error) {
          console.error(error.message);
        }
      });
    },
  };
  const context = await esbuild.context({ ...esbuildOptions, plugins: [...bundleOptions.plugins, reassemble] });
  await context.watch();
  // esbuild watches only what the bundles import; statics and the manifest are copied again on change.
  const staticPaths = ['manifest.json', 'icons', ...Object.keys(STATICS)].map((path) => resolve(root, path));
  for (const path of staticPaths) {
    watch(path, { recursive: statSync(path).isDirectory() }, () => {
      try {
        assemble();
        console.log(`[${new Date().toLocaleTimeString()}] copied ${relative(root, path)} and the manifests again`);
      } catch (error) {
        console.error(error.message);
      }
    });
  }
  console.log('watching for changes (Ctrl+C to stop)');
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    checkSources();
    if (process.argv.includes('--watch')) await watchForever();
    else await buildOnce();
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}
