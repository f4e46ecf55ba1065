// PDF output: the self-contained HTML note printed by headless Chromium (playwright-core driving
// the system browser). The browser is launched per call and always closed.
import { existsSync } from 'node:fs';

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
 * requests from the page are blocked: the note is self-contained. Throws naming the executable
 * when Chromium is missing.
 */
export async function htmlToPdf(html: string, options: { executablePath?: string } = {}): Promise<Uint8Array> {
  const executablePath = options.executablePath ?? chromiumPath();
  if (!existsSync(executablePath))
    throw new Error(`report pdf: Chromium not found at ${executablePath} (install it, or set TIDEMARK_CHROMIUM)`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
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
