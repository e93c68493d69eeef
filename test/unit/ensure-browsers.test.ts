import { describe, expect, it } from 'vitest';
import { planBrowserSetup, type MachineFacts } from '../ensure-browsers';
import { browserExecutable } from '../../src/cli/browser-paths';

/** A Debian machine with both browsers and the fonts, as the system user; each case changes what it is about. */
function machine(changes: Partial<MachineFacts> & { present?: string[]; env?: NodeJS.ProcessEnv } = {}): MachineFacts {
  const { present = ['/usr/bin/chromium', '/usr/bin/firefox-esr'], env = {}, ...facts } = changes;
  return {
    browsers: [browserExecutable('chromium', env), browserExecutable('firefox', env)],
    exists: (path) => present.includes(path),
    hasFonts: true,
    hasAptGet: true,
    isRoot: false,
    canSudo: false,
    ...facts,
  };
}

describe('planBrowserSetup', () => {
  it('does nothing when both browsers and the fonts are there', () => {
    expect(planBrowserSetup(machine())).toEqual({ action: 'ready' });
  });

  it('installs the browsers and the fonts with apt-get as root, saying what in one line', () => {
    const plan = planBrowserSetup(machine({ present: [], hasFonts: false, isRoot: true }));
    expect(plan).toEqual({
      action: 'install',
      packages: ['chromium', 'firefox-esr', 'fonts-dejavu-core', 'fontconfig'],
      withSudo: false,
      line: 'ensure-browsers: installing chromium firefox-esr fonts-dejavu-core fontconfig (missing: /usr/bin/chromium, /usr/bin/firefox-esr, DejaVu fonts) with apt-get',
    });
  });

  it('installs only what is missing, through sudo -n when that needs no password', () => {
    const plan = planBrowserSetup(machine({ present: ['/usr/bin/chromium'], canSudo: true }));
    expect(plan).toMatchObject({ action: 'install', packages: ['firefox-esr'], withSudo: true });
    expect(plan.action === 'install' && plan.line).toMatch(/with sudo -n apt-get$/);
  });

  it('stops without root or sudo, naming the exact command', () => {
    const plan = planBrowserSetup(machine({ present: [], hasFonts: false }));
    expect(plan.action).toBe('stop');
    expect(plan.action === 'stop' && plan.message).toContain('\n  sudo apt-get install -y chromium firefox-esr fonts-dejavu-core fontconfig\n');
  });

  it('uses a browser named by CHROMIUM_PATH or FIREFOX_PATH instead of the Debian package', () => {
    const env = { FIREFOX_PATH: '/opt/firefox-esr-140/firefox-esr', CHROMIUM_PATH: '/opt/chromium-150/chromium' };
    expect(planBrowserSetup(machine({ env, present: Object.values(env) }))).toEqual({ action: 'ready' });
  });

  it('stops when a variable names a browser that is not there: a package would not put it there', () => {
    const plan = planBrowserSetup(machine({ env: { FIREFOX_PATH: '/opt/missing/firefox' }, isRoot: true }));
    expect(plan).toEqual({
      action: 'stop',
      message: "FIREFOX_PATH=/opt/missing/firefox: no such file. Point the variable at the browser's executable, or unset it to use Debian's package.",
    });
  });

  it('stops on a machine without apt-get, naming what is missing', () => {
    const plan = planBrowserSetup(machine({ present: ['/usr/bin/firefox-esr'], hasAptGet: false, isRoot: true }));
    expect(plan.action === 'stop' && plan.message).toMatch(/^Not a Debian machine \(no apt-get\): install chromium \(missing: \/usr\/bin\/chromium\)/);
  });
});
