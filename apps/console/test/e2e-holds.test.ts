import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireConsoleBuild } from "../src/build";
import { launchBrowser, screenshotDirectory, type TestBrowser } from "./e2e/browser";
import { startLetheUnderTest, type LetheUnderTest } from "./e2e/lethe-under-test";
import { signIn } from "./e2e/sign-in";

/*
 * The Legal holds screen in Chromium against a real `lethe start`: a compliance officer's view
 * (here the admin) places holds of two scopes — a missing basis named under its field first —
 * and ends one with a reason; a viewer sees the same list with nothing to change.
 */
const admin = { email: "admin@example.com", password: "correct horse battery staple" };
const viewer = { email: "viewer@example.com", password: "viewer passphrase 123", role: "viewer" as const };

describe("the Legal holds screen, in Chromium against lethe start", () => {
  let lethe: LetheUnderTest;
  let browser: TestBrowser;

  beforeAll(async () => {
    await requireConsoleBuild();
    [lethe, browser] = await Promise.all([startLetheUnderTest(admin), launchBrowser()]);
    await lethe.addUser(viewer);
  });
  afterAll(async () => {
    await browser?.close();
    expect(await lethe?.stop()).toBe(0);
  });

  async function openHolds(user: { email: string; password: string }): Promise<Page> {
    const page = await (await browser.newContext(1280)).newPage();
    await signIn(page, lethe.url, user);
    await page.getByRole("navigation").getByRole("link", { name: "Legal holds" }).click();
    await page.getByRole("heading", { name: "Legal holds" }).waitFor();
    return page;
  }

  it("places a case hold and a rule hold, ends one with a reason; a viewer only reads", async () => {
    const page = await openHolds(admin);
    await page.getByRole("textbox", { name: "Title", exact: true }).fill("Dispute 7");
    await page.getByRole("textbox", { name: "Owner", exact: true }).fill("Legal");
    await page.getByRole("radio", { name: /^A case/ }).check();
    await page.getByRole("textbox", { name: "Case or dispute id", exact: true }).fill("CASE-00042");
    await page.getByRole("button", { name: "Place hold" }).click();
    await page.getByText("a hold needs its legal basis").waitFor();
    expect(await page.getByTestId("holds").getByRole("row").count()).toBe(2); // header + "No legal holds."

    await page.getByRole("textbox", { name: "Legal basis", exact: true }).fill("Art. 17(3)(e) GDPR: defence of legal claims");
    await page.getByRole("button", { name: "Place hold" }).click();
    await page.getByRole("status").filter({ hasText: 'Hold "Dispute 7" placed.' }).waitFor();

    await page.getByRole("textbox", { name: "Title", exact: true }).fill("MiFID call recordings");
    await page.getByRole("textbox", { name: "Legal basis", exact: true }).fill("MiFID II Art. 16(7)");
    await page.getByRole("textbox", { name: "Owner", exact: true }).fill("Compliance");
    await page.getByRole("radio", { name: /^A rule/ }).check();
    await page.getByRole("textbox", { name: "Record type (optional)", exact: true }).fill("call");
    await page.getByRole("textbox", { name: "Tag (optional)", exact: true }).fill("transaction");
    await page.getByRole("spinbutton", { name: "Years from when it happened" }).fill("5");
    await page.getByRole("button", { name: "Place hold" }).click();
    const table = page.getByTestId("holds");
    await table.getByRole("row").filter({ hasText: "call records tagged transaction, 5 years from when they happened" }).waitFor();
    const dispute = table.getByRole("row").filter({ hasText: "records of case CASE-00042" });
    expect(await dispute.getByText("active", { exact: true }).count()).toBe(1);
    await page.screenshot({ path: path.join(screenshotDirectory, "holds-1280.png"), fullPage: true });

    await dispute.getByRole("button", { name: "End Dispute 7" }).click();
    await page.getByRole("textbox", { name: "Reason", exact: true }).fill("dispute settled");
    await page.getByRole("button", { name: "End hold" }).click();
    await dispute.getByText("dispute settled").waitFor();
    expect(await dispute.getByText("ended").count()).toBe(1);
    expect(await dispute.getByRole("button", { name: /^End/ }).count()).toBe(0);

    const readOnly = await openHolds(viewer);
    const rows = readOnly.getByTestId("holds").getByRole("row");
    await rows.filter({ hasText: "MiFID II Art. 16(7)" }).waitFor();
    expect(await rows.count()).toBe(3);
    expect(await readOnly.getByRole("button", { name: /^End/ }).count()).toBe(0);
    expect(await readOnly.getByRole("button", { name: "Place hold" }).count()).toBe(0);
  });
});
