import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext } from "playwright-core";

/** Git-ignored; the e2e test writes a screenshot of each screen at each width here. */
export const screenshotDirectory = fileURLToPath(new URL("../../e2e-screenshots/", import.meta.url));

/** Debian's Chromium (installed by .ci/run with apt); Playwright never downloads a browser here. */
const executablePath = process.env.LETHE_E2E_CHROMIUM ?? "/usr/bin/chromium";

export interface TestBrowser {
  /** A fresh context (own cookies) with this viewport width. */
  newContext(width: number): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  await mkdir(screenshotDirectory, { recursive: true });
  const browser = await chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
    // Playwright gives each launch a fresh, temporary user-data-dir of its own.
  });
  return {
    newContext: (width) => browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true }),
    close: () => browser.close(),
  };
}
