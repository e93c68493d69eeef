// npm run demo: opens demo/page.html in headless Chromium without and with the built extension and writes
// demo/before.png, demo/after.png and demo/popup.png. Reuses the e2e harness (TypeScript, through tsx).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { launchPlainChromium, launchWithExtension } = await import('../test/e2e/browsers.ts');
const { startPageServer } = await import('../test/e2e/server.ts');

const demoDir = path.dirname(fileURLToPath(import.meta.url));
const viewport = { width: 1000, height: 900 };
const server = await startPageServer(demoDir);

async function withClosing(resource, use) {
  try {
    return await use(resource);
  } finally {
    await resource.close();
  }
}

try {
  await withClosing(await launchPlainChromium(), async (browser) => {
    const page = await browser.newPage();
    await page.setViewport(viewport);
    await page.goto(server.url('page.html'), { waitUntil: 'load' });
    await page.screenshot({ path: path.join(demoDir, 'before.png'), fullPage: true });
  });

  await withClosing(await launchWithExtension('chromium'), async (session) => {
    const page = await session.openPage(server.url('page.html'));
    await page.setViewport(viewport);
    // The content script collapses while the page loads; wait until it settles.
    await page.waitForFunction(() => document.querySelectorAll('[data-tidings-collapsed]').length >= 3, { polling: 100, timeout: 15_000 })
      .catch(() => console.warn('demo: fewer than 3 blocks were collapsed; the screenshot shows what was'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    await page.screenshot({ path: path.join(demoDir, 'after.png'), fullPage: true });

    const popup = await session.openExtensionPage(`popup.html?tab=${await session.tabIdOf(page)}`);
    await popup.setViewport({ width: 400, height: 600 });
    await popup.waitForFunction(() => /^\d+$/.test(document.querySelector('#finding-count')?.textContent?.trim() ?? ''), { polling: 100, timeout: 15_000 });
    await popup.screenshot({ path: path.join(demoDir, 'popup.png') });
    // The page's marks name no detector; the popup lists what collapsed each block.
    const collapsed = await popup.$$eval('#findings .finding-label', (labels) => labels.map((label) => label.textContent));
    console.log(`demo: collapsed ${collapsed.length} blocks (${collapsed.join(', ')}); wrote demo/before.png, demo/after.png, demo/popup.png`);
  });
} finally {
  await server.close();
}
