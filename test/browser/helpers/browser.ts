// Launches Debian's headless Chromium through playwright-core with the flags this machine needs,
// and small page helpers shared by the browser tests and the dashboard bench.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where Debian installs Chromium; the browser tests skip when it is absent. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);

/** Launches headless Chromium (no sandbox, no GPU, no background traffic). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Waits until the dashboard says the page is drawn (or failed); returns the final state. */
export async function waitForPage(page: Page, name: string, timeout = 30_000): Promise<'ready' | 'error'> {
  await page.waitForFunction(
    (n) => {
      const root = document.getElementById('page');
      return root?.dataset['ready'] === n || root?.dataset['state'] === 'error';
    },
    name,
    { timeout },
  );
  return (await page.getAttribute('#page', 'data-state')) === 'error' ? 'error' : 'ready';
}

/** Opens the dashboard at `query` in a 1366×768 page with the given colour scheme. */
export async function openDashboard(
  browser: Browser,
  url: string,
  query: string,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, colorScheme });
  await page.goto(`${url}/${query}`);
  return page;
}

/**
 * Counts non-background pixels in the lightweight-charts canvases under `selector`: > 0 means lines
 * or bars were drawn. Reads pixels back with getImageData on each canvas.
 */
export function inkedPixels(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    let inked = 0;
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>(`${sel} canvas`)) {
      const ctx = canvas.getContext('2d');
      if (!ctx || canvas.width === 0 || canvas.height === 0) continue;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const [r0, g0, b0] = [data[0] ?? 0, data[1] ?? 0, data[2] ?? 0];
      for (let i = 0; i < data.length; i += 4) {
        const alpha = data[i + 3] ?? 0;
        if (
          alpha > 0 &&
          (Math.abs((data[i] ?? 0) - r0) > 40 ||
            Math.abs((data[i + 1] ?? 0) - g0) > 40 ||
            Math.abs((data[i + 2] ?? 0) - b0) > 40)
        )
          inked++;
      }
    }
    return inked;
  }, selector);
}
