import { createRequire } from "node:module";
import path from "node:path";
import type { Page } from "playwright-core";
import { screenshotDirectory } from "./browser";

const require = createRequire(import.meta.url);
/** axe-core's own bundle, injected into the page under test (no Playwright-specific wrapper needed). */
const axeSource = (require("axe-core") as { source: string }).source;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2 A/AA rules) on the page as it is now and returns the violations whose
 * impact is serious or critical, each with the selectors of the offending nodes, so a failing test
 * says what to fix. Moderate and minor findings are not failures here.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated as page source: this file is type-checked for Node, without the DOM's types.
  const loaded = await page.evaluate<boolean>("typeof window.axe === 'object'");
  // Evaluated through the debugging protocol, not as an inline <script>: the console's CSP forbids those.
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate<AxeViolation[]>(`(async () => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.map(String).join(" ")),
    }));
  })()`);
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
}

/** Keeps a full-page screenshot as a test artefact (apps/console/e2e-screenshots/<name>-<width>.png). */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 1280;
  await page.screenshot({ path: path.join(screenshotDirectory, `${name}-${width}.png`), fullPage: true });
}
