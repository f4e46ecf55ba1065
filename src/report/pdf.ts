// PDF output: the self-contained HTML note printed by headless Chromium (playwright-core driving
// the system browser). The browser is launched per call and always closed.
import { existsSync } from 'node:fs';
import { ReportError } from './report-error.js';

/** Where Chromium lives unless TIDEMARK_CHROMIUM says otherwise. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A header or footer band for every PDF page: text left and right, small grey type (Chromium's template). */
function pageBand(left: string, right: string): string {
  const esc = (t: string): string =>
    t
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replace(/&lt;(\/?span[^&]*?)>/g, '<$1>');
  return `<div style="font: 8px Helvetica, Arial, sans-serif; color: #777; width: 100%; margin: 0 12mm; display: flex; justify-content: space-between; white-space: nowrap;"><span>${esc(left)}</span><span>${right}</span></div>`;
}

/** The Chromium executable to use: $TIDEMARK_CHROMIUM, else /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env['TIDEMARK_CHROMIUM'] ?? DEFAULT_CHROMIUM;
}

/**
 * Prints an HTML document to an A4 PDF (backgrounds on, so the simulated banner shows). Network
 * requests from the page are blocked: the note is self-contained. Throws a ReportError naming the
 * executable and how to install it when Chromium is missing ('missing-chromium'), or when printing
 * fails ('pdf-failed').
 */
export async function htmlToPdf(
  html: string,
  options: { executablePath?: string; asset?: string; asOf?: string } = {},
): Promise<Uint8Array> {
  const executablePath = options.executablePath ?? chromiumPath();
  if (!existsSync(executablePath))
    throw new ReportError(
      'missing-chromium',
      `report pdf: Chromium not found at ${executablePath}; install it (Debian/Ubuntu: apt-get install chromium) or set TIDEMARK_CHROMIUM to a Chromium or Chrome executable`,
    );
  const { chromium } = await import('playwright-core');
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  } catch (cause) {
    throw new ReportError(
      'pdf-failed',
      `report pdf: could not start Chromium at ${executablePath}: ${(cause as Error).message.split('\n')[0]}`,
      { cause },
    );
  }
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: pageBand(`Tidemark · ${options.asset ?? ''} market phase`, `as of ${options.asOf ?? ''}`),
      footerTemplate: pageBand(
        'Point-in-time note; figures as published by the as-of date',
        'page <span class="pageNumber"></span> of <span class="totalPages"></span>',
      ),
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
