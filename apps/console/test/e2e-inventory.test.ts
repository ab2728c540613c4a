import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { requireConsoleBuild } from "../src/build";
import { launchBrowser, screenshotDirectory, type TestBrowser } from "./e2e/browser";
import { startLetheUnderTest, type LetheUnderTest } from "./e2e/lethe-under-test";
import { signIn } from "./e2e/sign-in";

/*
 * The Data inventory screen in Chromium against a real `lethe start` and its demo sandboxes: every
 * system's record types with what their connectors declare, a scan run from the screen whose
 * counts equal what the reference sandbox's oracle holds, and the CSV download. A viewer reads
 * the same inventory with no scan button.
 */
const admin = { email: "admin@example.com", password: "correct horse battery staple" };
const viewer = { email: "viewer@example.com", password: "viewer passphrase 123", role: "viewer" as const };

describe("the Data inventory screen, in Chromium against lethe start", () => {
  let lethe: LetheUnderTest;
  let browser: TestBrowser;
  let downloads: string;

  beforeAll(async () => {
    await requireConsoleBuild();
    [lethe, browser] = await Promise.all([startLetheUnderTest(admin), launchBrowser()]);
    await lethe.addUser(viewer);
    downloads = await mkdtemp(path.join(tmpdir(), "lethe-e2e-inventory-"));
  });
  afterAll(async () => {
    await browser?.close();
    if (downloads) await rm(downloads, { recursive: true, force: true });
    expect(await lethe?.stop()).toBe(0);
  });

  async function openInventory(user: { email: string; password: string }): Promise<Page> {
    const page = await (await browser.newContext(1280)).newPage();
    await signIn(page, lethe.url, user);
    await page.getByRole("navigation").getByRole("link", { name: "Inventory" }).click();
    await page.getByRole("heading", { name: "Data inventory", level: 1 }).waitFor();
    return page;
  }

  const referenceTable = (page: Page) => page.getByRole("table", { name: "Record types of demo-reference" });

  it("lists each system's record types as declared, scans them to the sandbox's counts and downloads the CSV; a viewer only reads", async () => {
    const page = await openInventory(admin);
    const person = referenceTable(page).getByRole("row").filter({ has: page.getByRole("cell", { name: "person", exact: true }) });
    await person.waitFor();
    expect(await person.textContent()).toContain("identity, contact");
    expect(await person.textContent()).toContain("Contract (Art. 6(1)(b))");
    expect(await person.textContent()).toContain("6 years from the end of the customer relationship");
    await page.getByText("No scan has been run yet.").waitFor();
    expect(await person.getByTestId("inventory-count").textContent()).toBe("not counted yet");

    await page.getByRole("button", { name: "Run a scan" }).click();
    await page.getByTestId("inventory-scan-status").filter({ hasText: /^\s*Scan finished/ }).waitFor({ timeout: 60_000 });
    const truth = z.object({ counts: z.record(z.string(), z.int()) }).parse(await (await fetch(`${lethe.sandboxUrl}/__sandbox/record-counts`)).json()).counts;
    for (const [recordType, count] of Object.entries(truth)) {
      const row = referenceTable(page).getByRole("row").filter({ has: page.getByRole("cell", { name: recordType, exact: true }) });
      await row.getByTestId("inventory-count").filter({ hasText: count.toLocaleString("en-GB") }).waitFor();
    }
    await page.screenshot({ path: path.join(screenshotDirectory, "inventory-1280.png"), fullPage: true });

    const downloadStarted = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download CSV" }).click();
    const download = await downloadStarted;
    const file = path.join(downloads, "inventory.csv");
    await download.saveAs(file);
    const lines = (await readFile(file, "utf8")).split("\r\n");
    expect(lines[0]).toMatch(/^system,connector,connector_version,record_type,declared,categories,/);
    expect(lines.find((line) => line.startsWith("demo-reference,reference,") && line.includes(",person,yes,"))).toContain(`,${truth.person},yes,`);

    const readOnly = await openInventory(viewer);
    await readOnly.getByTestId("inventory-scan-status").filter({ hasText: "Scan finished" }).waitFor();
    expect(await readOnly.getByRole("button", { name: "Run a scan" }).count()).toBe(0);
    const viewerPerson = referenceTable(readOnly).getByRole("row").filter({ has: readOnly.getByRole("cell", { name: "person", exact: true }) });
    expect(await viewerPerson.getByTestId("inventory-count").textContent()).toBe(truth.person?.toLocaleString("en-GB"));
  });
});
