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
export async function htmlToPdf(html: string, options: { executablePath?: string } = {}): Promise<Uint8Array> {
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
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
