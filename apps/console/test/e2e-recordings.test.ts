import type { OraclePerson, OracleRecord } from "@lethe/connector-sdk";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireConsoleBuild } from "../src/build";
import { launchBrowser, screenshotDirectory, type TestBrowser } from "./e2e/browser";
import { startLetheUnderTest, type LetheUnderTest } from "./e2e/lethe-under-test";
import { signIn } from "./e2e/sign-in";

/*
 * A request's call recordings in Chromium against a real `lethe start` and its demo recorder
 * sandbox: an erasure of a subject with a call under legal hold shows that call retained with the
 * hold's id and basis, and its player streams the call's audio through the API, byte for byte
 * what the recorder holds.
 */
const admin = { email: "admin@example.com", password: "correct horse battery staple" };
const requestTimeoutMs = 150_000;
const scenarioTimeoutMs = 240_000;

const oracleRecording = (value: unknown) =>
  value as { id: string; legalHold: { holdId: string; basis: string } | null; fileState: string; participants: Array<{ personId: string | null }> };

describe("call recordings on a request's page, in Chromium against lethe start", () => {
  let lethe: LetheUnderTest;
  let browser: TestBrowser;
  let page: Page;
  let recorderUrl: string;

  beforeAll(async () => {
    await requireConsoleBuild();
    [lethe, browser] = await Promise.all([startLetheUnderTest(admin), launchBrowser()]);
    const url = /sandbox\s+recorder at (\S+)/.exec(lethe.output())?.[1];
    if (!url) throw new Error(`lethe start did not start the recorder sandbox:\n${lethe.output()}`);
    recorderUrl = url;
    page = await (await browser.newContext(1280)).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    expect(await lethe?.stop()).toBe(0);
  });

  it("shows a held call retained with its hold, and plays its audio through the API", async () => {
    // A subject whose e-mail is on a call under legal hold: filing by that e-mail must reach it.
    const people = ((await (await fetch(`${recorderUrl}/__sandbox/people`)).json()) as { people: OraclePerson[] }).people;
    const recordings = ((await (await fetch(`${recorderUrl}/__sandbox/recordings`)).json()) as { recordings: unknown[] }).recordings.map(oracleRecording);
    let held: ReturnType<typeof oracleRecording> | undefined;
    let email: string | undefined;
    for (const subject of people.filter((person) => person.role === "subject")) {
      const address = subject.identifiers.find((identifier) => identifier.kind === "email")?.value;
      const records = ((await (await fetch(`${recorderUrl}/__sandbox/people/${subject.id}/records`)).json()) as { records: OracleRecord[] }).records;
      const heldWithEmail = records.find((record) => record.ref.type === "recording" && record.personalData.legalHold && record.personalData.email === address);
      held = recordings.find((recording) => recording.id === heldWithEmail?.ref.id && recording.fileState !== "DELETED");
      if (held && address) {
        email = address;
        break;
      }
    }
    if (!held?.legalHold || !email) throw new Error("the demo recorder has no subject whose e-mail is on a held call");

    await signIn(page, lethe.url, admin);
    await page.getByRole("navigation").getByRole("link", { name: "New request" }).click();
    await page.getByRole("radio", { name: /^erasure/ }).check();
    await page.getByLabel("Identifier 1 value").fill(email);
    await page.getByRole("button", { name: "File request" }).click();
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);

    const row = page.getByTestId("recording-outcome").filter({ hasText: held.id });
    await row
      .filter({ hasText: `Retained under legal hold ${held.legalHold.holdId}: ${held.legalHold.basis}` })
      .waitFor({ timeout: requestTimeoutMs })
      .catch(async (error: unknown) => {
        throw new Error(`no retained row for ${held.id}; the page says:\n${await page.locator("main").innerText()}`, { cause: error });
      });

    // The plan said so before anything ran: the call's row names the vendor's hold and its basis.
    // Its groups start folded: open each, and each one's every page of rows.
    const folded = page.locator("[data-testid=plan-group-toggle][aria-expanded=false]");
    while ((await folded.count()) > 0) await folded.first().click();
    const more = page.getByTestId("plan-group-more");
    while ((await more.count()) > 0) await more.first().click();
    await page
      .getByTestId("plan-item")
      .filter({ hasText: held.id })
      .getByTestId("vendor-hold")
      .filter({ hasText: held.legalHold.basis })
      // The recording, its transcript and its consent events: each a record the hold keeps.
      .first()
      .waitFor({ timeout: requestTimeoutMs });
    expect(await page.getByTestId("plan-item").filter({ hasText: held.id }).getByTestId("vendor-hold").count()).toBe(3);

    const player = row.locator("audio");
    // The test files compile without the DOM library: the element's few members used here, typed.
    type AudioElement = {
      src: string;
      duration: number;
      preload: string;
      load(): void;
      addEventListener(event: string, listener: () => void, options: { once: boolean }): void;
    };
    const streamed = await player.evaluate(async (audio: AudioElement) => {
      const response = await fetch(audio.src);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const duration = await new Promise<number>((resolve) => {
        audio.addEventListener("loadedmetadata", () => resolve(audio.duration), { once: true });
        audio.addEventListener("error", () => resolve(-1), { once: true });
        audio.preload = "metadata";
        audio.load();
      });
      return { status: response.status, type: response.headers.get("content-type"), bytes: Array.from(bytes.subarray(0, 4096)), length: bytes.length, duration };
    });
    const stored = new Uint8Array(await (await fetch(`${recorderUrl}/__sandbox/recordings/${held.id}/media`)).arrayBuffer());
    expect(streamed).toMatchObject({ status: 200, type: "audio/wav", length: stored.length });
    expect(streamed.bytes).toEqual(Array.from(stored.subarray(0, 4096)));
    expect(streamed.duration).toBeGreaterThan(1);
    // The held call's row, not the whole page: a full-page capture of a long request page took over
    // 30 s on a loaded 2-core CI machine, and the row is what this test is about.
    await row.screenshot({ path: path.join(screenshotDirectory, "recordings-outcomes-1280.png") });
  }, scenarioTimeoutMs);
});
