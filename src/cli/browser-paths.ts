// Where the browsers the tests, the bench and the store screenshots drive are: Debian's packages by default,
// or another build named by an environment variable (an older Firefox ESR or Chromium unpacked beside the
// system's, to test the versions other machines have without replacing the system's own).

export type BrowserName = 'chromium' | 'firefox';

export interface BrowserExecutable {
  name: BrowserName;
  /** The executable to launch. */
  path: string;
  /** The environment variable that names another one. */
  variable: 'CHROMIUM_PATH' | 'FIREFOX_PATH';
  /** True when the variable chose the path (then a Debian package cannot provide it). */
  overridden: boolean;
  /** The Debian package that installs the default path. */
  debianPackage: 'chromium' | 'firefox-esr';
}

const DEFAULTS: Record<BrowserName, Omit<BrowserExecutable, 'overridden'>> = {
  chromium: { name: 'chromium', path: '/usr/bin/chromium', variable: 'CHROMIUM_PATH', debianPackage: 'chromium' },
  firefox: { name: 'firefox', path: '/usr/bin/firefox-esr', variable: 'FIREFOX_PATH', debianPackage: 'firefox-esr' },
};

export function browserExecutable(name: BrowserName, env: NodeJS.ProcessEnv = process.env): BrowserExecutable {
  const known = DEFAULTS[name];
  const chosen = env[known.variable];
  return chosen ? { ...known, path: chosen, overridden: true } : { ...known, overridden: false };
}
