// The first step of `npm test`: makes sure the browsers the end-to-end suites drive are there, so that the
// README's two commands set up a fresh Debian machine. Installs what is missing with apt-get when it can (as
// root, or through `sudo -n`), saying so in one line; otherwise stops before any test runs, naming the exact
// command to run. Nothing downloads a browser of its own.
//   tsx test/ensure-browsers.ts [--dry-run]   --dry-run: say what would be done, change nothing
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { browserExecutable, type BrowserExecutable } from '../src/cli/browser-paths';

/** Fonts, so that pages and screenshots have glyphs (fc-list comes with fontconfig). */
export const FONT_PACKAGES = ['fonts-dejavu-core', 'fontconfig'];

export interface MachineFacts {
  browsers: BrowserExecutable[];
  exists(path: string): boolean;
  hasFonts: boolean;
  hasAptGet: boolean;
  isRoot: boolean;
  /** `sudo -n true` succeeds: sudo without a password prompt. */
  canSudo: boolean;
}

export type SetupPlan =
  | { action: 'ready' }
  | { action: 'install'; packages: string[]; withSudo: boolean; line: string }
  | { action: 'stop'; message: string };

export function planBrowserSetup(facts: MachineFacts): SetupPlan {
  const missing = facts.browsers.filter((browser) => !facts.exists(browser.path));
  const elsewhere = missing.filter((browser) => browser.overridden);
  if (elsewhere.length > 0) {
    // A Debian package installs the default path, not the one the variable names.
    const named = elsewhere.map((browser) => `${browser.variable}=${browser.path}`).join(' and ');
    return { action: 'stop', message: `${named}: no such file. Point the variable at the browser's executable, or unset it to use Debian's package.` };
  }
  const packages = [...missing.map((browser) => browser.debianPackage), ...(facts.hasFonts ? [] : FONT_PACKAGES)];
  if (packages.length === 0) return { action: 'ready' };
  const wanted = `${packages.join(' ')} (missing: ${[...missing.map((browser) => browser.path), ...(facts.hasFonts ? [] : ['DejaVu fonts'])].join(', ')})`;
  if (!facts.hasAptGet) {
    return { action: 'stop', message: `Not a Debian machine (no apt-get): install ${wanted} yourself, or set CHROMIUM_PATH and FIREFOX_PATH.` };
  }
  if (facts.isRoot || facts.canSudo) {
    const withSudo = !facts.isRoot;
    return { action: 'install', packages, withSudo, line: `ensure-browsers: installing ${wanted} with ${withSudo ? 'sudo -n apt-get' : 'apt-get'}` };
  }
  return { action: 'stop', message: `The end-to-end tests need ${wanted}. Run:\n  sudo apt-get install -y ${packages.join(' ')}\nthen npm test again.` };
}

function commandSucceeds(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

function factsOfThisMachine(): MachineFacts {
  const fonts = spawnSync('fc-list', [], { encoding: 'utf8' });
  const isRoot = process.getuid?.() === 0;
  return {
    browsers: [browserExecutable('chromium'), browserExecutable('firefox')],
    exists: existsSync,
    hasFonts: fonts.status === 0 && /dejavu/i.test(fonts.stdout),
    hasAptGet: commandSucceeds('sh', ['-c', 'command -v apt-get']),
    isRoot,
    canSudo: !isRoot && commandSucceeds('sudo', ['-n', 'true']),
  };
}

/** Runs apt-get, showing its output only when it fails: the one line before says what is being installed. */
function aptGet(withSudo: boolean, args: string[]): void {
  const [command, ...rest] = [...(withSudo ? ['sudo', '-n'] : []), 'apt-get', ...args];
  execFileSync(command!, rest, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function versionOf(path: string): string {
  // Debian's chromium wrapper script also writes a shell warning to stderr; the version is on stdout.
  const result = spawnSync(path, ['--version'], { encoding: 'utf8' });
  return result.stdout.trim() || `(no version from ${path})`;
}

function main(dryRun: boolean): number {
  const facts = factsOfThisMachine();
  const plan = planBrowserSetup(facts);
  if (plan.action === 'stop') {
    console.error(`ensure-browsers: ${plan.message}`);
    return 1;
  }
  if (plan.action === 'install') {
    console.log(dryRun ? `${plan.line} [dry run: nothing installed]` : plan.line);
    if (dryRun) return 0;
    try {
      // A fresh machine may have no package lists yet.
      aptGet(plan.withSudo, ['update', '-qq']);
      aptGet(plan.withSudo, ['install', '-y', '-qq', '--no-install-recommends', ...plan.packages]);
    } catch (error) {
      const failure = error as { stderr?: Buffer; stdout?: Buffer; message: string };
      console.error(`${failure.stdout ?? ''}${failure.stderr ?? failure.message}`);
      console.error(`ensure-browsers: apt-get failed. Run: sudo apt-get install -y ${plan.packages.join(' ')}`);
      return 1;
    }
  }
  console.log(`ensure-browsers: ${facts.browsers.map((browser) => `${versionOf(browser.path)} (${browser.path})`).join(', ')}`);
  return 0;
}

if (process.argv[1]?.endsWith('ensure-browsers.ts')) {
  process.exitCode = main(process.argv.includes('--dry-run'));
}
