import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireConsoleBuild } from "../src/build";
import { launchBrowser, screenshotDirectory, type TestBrowser } from "./e2e/browser";
import { startLetheUnderTest, type LetheUnderTest } from "./e2e/lethe-under-test";
import { signIn } from "./e2e/sign-in";

/*
 * The Retention screen in Chromium against a real `lethe start` and its demo recorder: the admin
 * adds a schedule (a malformed period named under its field first), previews it — nothing changes,
 * held calls shown "kept" with the reason — approves the terms, runs it now and reads the
 * receipts; the recorder's oracle then holds exactly the calls that were kept. Changing the period
 * withdraws the approval. A viewer only reads.
 */
const admin = { email: "admin@example.com", password: "correct horse battery staple" };
const viewer = { email: "viewer@example.com", password: "viewer passphrase 123", role: "viewer" as const };

describe("the Retention screen, in Chromium against lethe start", () => {
  let lethe: LetheUnderTest;
  let browser: TestBrowser;
  let recorderUrl: string;

  beforeAll(async () => {
    await requireConsoleBuild();
    [lethe, browser] = await Promise.all([startLetheUnderTest(admin), launchBrowser()]);
    await lethe.addUser(viewer);
    const url = /sandbox\s+recorder at (\S+)/.exec(lethe.output())?.[1];
    if (!url) throw new Error(`lethe start did not start the recorder sandbox:\n${lethe.output()}`);
    recorderUrl = url;
  });
  afterAll(async () => {
    await browser?.close();
    expect(await lethe?.stop()).toBe(0);
  });

  const storedIds = async () =>
    ((await (await fetch(`${recorderUrl}/__sandbox/recordings`)).json()) as { recordings: Array<{ id: string }> }).recordings.map((recording) => recording.id);

  async function openRetention(user: { email: string; password: string }): Promise<Page> {
    const page = await (await browser.newContext(1280)).newPage();
    await signIn(page, lethe.url, user);
    await page.getByRole("navigation").getByRole("link", { name: "Retention" }).click();
    await page.getByRole("heading", { name: "Retention", exact: true }).waitFor();
    return page;
  }

  it("adds, previews, approves and runs a schedule, showing receipts; a viewer only reads", { timeout: 240_000 }, async () => {
    const page = await openRetention(admin);
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("recordings 2 years");
    await page.getByRole("combobox", { name: "Connection" }).selectOption({ label: "demo-recorder (recorder)" });
    await page.getByRole("textbox", { name: "Period (ISO 8601)" }).fill("two years");
    await page.getByRole("button", { name: "Add schedule" }).click();
    await page.getByText("an ISO 8601 duration such as P90D, P2Y or P1Y6M").waitFor();
    expect(await page.getByTestId("retention-schedules").getByRole("row").filter({ hasText: "No retention schedules." }).count()).toBe(1);

    await page.getByRole("textbox", { name: "Period (ISO 8601)" }).fill("P2Y");
    await page.getByRole("button", { name: "Add schedule" }).click();
    const row = page.getByTestId("retention-schedules").getByRole("row").filter({ hasText: "recordings 2 years" });
    await row.getByText("waiting for approval").waitFor();
    expect(await row.getByText("erase recording records after 2 years").count()).toBe(1);
    expect(await row.getByRole("button", { name: /^Run now/ }).count()).toBe(0);

    const before = await storedIds();
    await row.getByRole("button", { name: "Preview recordings 2 years" }).click();
    const counts = page.getByTestId("preview-counts");
    await counts.waitFor();
    const [, found, erase, keep] = /found (\d+): would erase (\d+), keep (\d+)/.exec(await counts.innerText()) ?? [];
    expect(Number(found)).toBeGreaterThan(0);
    expect(Number(erase) + Number(keep)).toBe(Number(found));
    expect(Number(keep)).toBeGreaterThan(0);
    const previewRows = page.getByTestId("retention-preview").getByRole("row");
    expect(await previewRows.filter({ hasText: "kept: held by the vendor" }).count()).toBeGreaterThan(0);
    expect(await storedIds()).toEqual(before);
    await page.screenshot({ path: path.join(screenshotDirectory, "retention-1280.png"), fullPage: true });

    await page.getByRole("button", { name: "Approve these terms" }).click();
    await page.getByRole("status").filter({ hasText: 'Terms of "recordings 2 years" approved' }).waitFor();
    await row.getByText("approved", { exact: true }).waitFor();

    await row.getByRole("button", { name: "Run now recordings 2 years" }).click();
    const runRow = page.getByTestId("retention-runs").getByRole("row").filter({ hasText: "sweep" });
    await runRow.getByText("completed", { exact: true }).waitFor({ timeout: 120_000 });
    expect(await runRow.innerText()).toContain(`found ${found}: erase ${erase}, keep ${keep} — erased ${erase}`);
    const items = page.getByTestId("retention-run-items").getByRole("row");
    await items.filter({ hasText: "erased" }).first().waitFor();
    const erasedIds: string[] = [];
    for (const text of await items.allInnerTexts()) {
      const id = /recording\/(rec_[a-z0-9]+)/.exec(text)?.[1];
      if (id && /\berase\b/.test(text)) erasedIds.push(id);
    }
    expect(erasedIds).toHaveLength(Number(erase));
    const after = await storedIds();
    expect(after.sort()).toEqual(before.filter((id) => !erasedIds.includes(id)).sort());

    // Changed terms withdraw the approval: the schedule waits for a new preview to be approved.
    await row.getByRole("button", { name: "Edit recordings 2 years" }).click();
    await page.getByRole("textbox", { name: "Period (ISO 8601)" }).fill("P3Y");
    await page.getByRole("button", { name: "Save schedule" }).click();
    await page.getByRole("status").filter({ hasText: "Its terms changed" }).waitFor();
    await row.getByText("waiting for approval").waitFor();
    expect(await row.getByText("erase recording records after 3 years").count()).toBe(1);
    expect(await row.getByRole("button", { name: /^Run now/ }).count()).toBe(0);

    const readOnly = await openRetention(viewer);
    await readOnly.getByTestId("retention-schedules").getByRole("row").filter({ hasText: "recordings 2 years" }).waitFor();
    await readOnly.getByTestId("retention-runs").getByRole("row").filter({ hasText: "completed" }).first().waitFor();
    expect(await readOnly.getByRole("button", { name: /^Preview/ }).count()).toBe(0);
    expect(await readOnly.getByRole("button", { name: "Add schedule" }).count()).toBe(0);
  });
});
