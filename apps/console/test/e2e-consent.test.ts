import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireConsoleBuild } from "../src/build";
import { launchBrowser, screenshotDirectory, type TestBrowser } from "./e2e/browser";
import { startLetheUnderTest, type LetheUnderTest } from "./e2e/lethe-under-test";
import { signIn } from "./e2e/sign-in";

/*
 * The Consent screen in Chromium against a real `lethe start` and its demo recorder: the officer
 * reads the calls into the ledger, finds the conference party nobody asked, approves muting their
 * channel — and the recorder's stored audio shows exactly that channel muted from when they
 * joined, every other sample as it was. A viewer sees the same report with nothing to act on.
 */
const admin = { email: "admin@example.com", password: "correct horse battery staple" };
const viewer = { email: "viewer@example.com", password: "viewer passphrase 123", role: "viewer" as const };
const call = "rec_consentconference";

describe("the Consent screen, in Chromium against lethe start", () => {
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

  async function openConsent(user: { email: string; password: string }): Promise<Page> {
    const page = await (await browser.newContext(1280)).newPage();
    await signIn(page, lethe.url, user);
    await page.getByRole("navigation").getByRole("link", { name: "Consent" }).click();
    await page.getByRole("heading", { name: "Consent to record" }).waitFor();
    return page;
  }

  const media = async () => Buffer.from(await (await fetch(`${recorderUrl}/__sandbox/recordings/${call}/media`)).arrayBuffer());

  it("reads the calls, lists the unconsented conference party, and mutes only their channel once approved", async () => {
    const before = await media();
    const page = await openConsent(admin);
    await page.getByRole("button", { name: "Read calls" }).click();
    await page.getByTestId("consent-read-status").filter({ hasText: /Read \d+ call\(s\): \d+ participant\(s\), 2 lacking consent\./ }).waitFor({ timeout: 60_000 });

    const gaps = page.getByTestId("consent-gaps");
    const conference = gaps.getByRole("row").filter({ hasText: call });
    await conference.getByText("Conference party").waitFor();
    expect(await conference.getByText("from 3.0 s to").count()).toBe(1);
    expect(await gaps.getByRole("row").filter({ hasText: "rec_consentwithdrawn" }).getByText("from 4.5 s to").count()).toBe(1);
    expect(await page.getByTestId("consent-summary").getByRole("row").filter({ hasText: "2025-06" }).count()).toBe(1);

    await conference.getByRole("button", { name: `Mute their channel on ${call}` }).click();
    const plan = page.getByTestId("consent-plan");
    await plan.getByText(/Mute channel 2 from 3\.0 s to/).waitFor();
    // A draft changes nothing.
    expect((await media()).equals(before)).toBe(true);
    await page.screenshot({ path: path.join(screenshotDirectory, "consent-1280.png"), fullPage: true });
    await plan.getByRole("button", { name: "Approve and run" }).click();
    await page.getByTestId("consent-remediation-status").filter({ hasText: "Remediation completed" }).waitFor({ timeout: 60_000 });
    await conference.getByText("completed").waitFor();

    const after = await media();
    expect(after.length).toBe(before.length);
    const channels = before.readUInt16LE(22);
    const rate = before.readUInt32LE(24);
    const first = Math.floor((3000 * rate) / 1000);
    let changedElsewhere = 0;
    let loudMuted = 0;
    for (let frame = 0; frame < (before.length - 44) / (channels * 2); frame++) {
      for (let channel = 0; channel < channels; channel++) {
        const offset = 44 + (frame * channels + channel) * 2;
        if (channel === 2 && frame >= first) loudMuted += after.readInt16LE(offset) === 0 ? 0 : 1;
        else changedElsewhere += after.readInt16LE(offset) === before.readInt16LE(offset) ? 0 : 1;
      }
    }
    expect({ channels, changedElsewhere, loudMuted }).toEqual({ channels: 3, changedElsewhere: 0, loudMuted: 0 });

    const readOnly = await openConsent(viewer);
    await readOnly.getByTestId("consent-gaps").getByRole("row").filter({ hasText: call }).waitFor();
    expect(await readOnly.getByRole("button", { name: /^Mute|^Delete|^Read calls/ }).count()).toBe(0);
  });
});
