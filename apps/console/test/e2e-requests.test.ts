import type { OraclePerson } from "@lethe/connector-sdk";
import { requestDetailSchema, requestPlanSchema } from "@lethe/contracts";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireConsoleBuild } from "../src/build";
import { launchBrowser, type TestBrowser } from "./e2e/browser";
import { startLetheUnderTest, type LetheUnderTest } from "./e2e/lethe-under-test";
import { signIn } from "./e2e/sign-in";
import { keepScreenshot, seriousAxeViolations } from "./e2e/page-checks";

/*
 * Finding and working a request in Chromium against a real `lethe start`: the inbox searched by a
 * subject's e-mail and by an id prefix and filtered by status (the filters in the URL), the request
 * page with its status and per-system tiles on the first screen, and a whole plan group of weak
 * matches (a household sharing a phone) included at once through the review API.
 */
const admin = { email: "admin@example.com", password: "correct horse battery staple" };
const requestTimeoutMs = 150_000;
const scenarioTimeoutMs = 240_000;

describe("the requests inbox and the request page, in Chromium against lethe start", () => {
  let lethe: LetheUnderTest;
  let browser: TestBrowser;
  let page: Page;
  let subjects: string[];
  let erasureId: string;
  let accessId: string;

  beforeAll(async () => {
    await requireConsoleBuild();
    [lethe, browser] = await Promise.all([startLetheUnderTest(admin), launchBrowser()]);
    const people = ((await (await fetch(`${lethe.sandboxUrl}/__sandbox/people`)).json()) as { people: OraclePerson[] }).people;
    subjects = people
      .filter((person) => person.role === "subject")
      .flatMap((person) => person.identifiers.filter((identifier) => identifier.kind === "email").slice(0, 1).map((identifier) => identifier.value));
    page = await (await browser.newContext(1280)).newPage();
    await signIn(page, lethe.url, admin);
  }, scenarioTimeoutMs);

  afterAll(async () => {
    await browser?.close();
    expect(await lethe?.stop()).toBe(0);
  });

  /** The API, as the signed-in console calls it (the page's session cookie, JSON as the API insists). */
  async function api(method: "GET" | "POST", path: string, body?: unknown): Promise<unknown> {
    const response = await page.request.fetch(`${lethe.url}/api/v1${path}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(body === undefined ? {} : { data: JSON.stringify(body) }),
    });
    expect(response.status(), `${method} ${path}`).toBeLessThan(300);
    return response.json();
  }

  async function planOf(id: string) {
    return requestPlanSchema.parse(await api("GET", `/requests/${id}/plan`));
  }

  it("shows the request's status and per-system tiles on the first screen, above a folded plan", async () => {
    const email = subjects[0];
    if (!email) throw new Error("the demo sandbox seeded no subject with an e-mail address");
    const filed = requestDetailSchema.shape.request.parse(
      ((await api("POST", "/requests", { type: "erasure", regime: "gdpr", identifiers: [{ kind: "email", value: email }] })) as { request: unknown }).request,
    );
    erasureId = filed.id;
    await page.goto(`${lethe.url}/requests/${erasureId}`);
    // The subject shares a phone with their household: the members' records wait for review.
    await page.locator(".summary [data-testid=status]", { hasText: /^review$/ }).waitFor({ timeout: requestTimeoutMs });
    await page.getByTestId("plan-review").waitFor();
    await page.evaluate("window.scrollTo(0, 0)");

    const tiles = page.getByTestId("system-tiles");
    const box = await tiles.boundingBox();
    expect(box?.y).toBeLessThan(900);
    expect(await page.getByTestId("system-tile").count()).toBeGreaterThan(0);
    await expect(page.getByTestId("system-tile").first().textContent()).resolves.toMatch(/located\s*\d+/);
    // Summary, then tiles, then the timeline, then the plan, whose rows stay folded until asked for.
    const top = async (testId: string) => (await page.getByTestId(testId).boundingBox())?.y ?? Number.NaN;
    expect(await top("system-tiles")).toBeLessThan(await top("timeline"));
    expect(await top("timeline")).toBeLessThan(await top("plan-review"));
    expect(await page.getByTestId("plan-group").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("plan-item").count()).toBe(0);

    expect(await seriousAxeViolations(page)).toEqual([]);
    await keepScreenshot(page, "requests-detail-summary");
  }, scenarioTimeoutMs);

  it("includes every pending record of one plan group at once, and the API's pending count drops by the group's size", async () => {
    const before = await planOf(erasureId);
    expect(before.pendingReview).toBeGreaterThan(0);
    const group = page.locator("[data-testid=plan-group]:not([data-pending='0'])").first();
    const groupPending = Number(await group.getAttribute("data-pending"));
    const system = await group.getAttribute("data-system");
    expect(groupPending).toBeGreaterThan(0);
    await group.getByTestId("include-group").click();
    const remaining = before.pendingReview - groupPending;
    await page.getByTestId("pending-review").filter({ hasText: new RegExp(`^${remaining}$`) }).waitFor();

    const after = await planOf(erasureId);
    expect(after.pendingReview).toBe(remaining);
    const included = after.items.filter((item) => item.review === "include");
    expect(included.length).toBe(groupPending);
    // Opened, the group lists its records, each now included.
    // Decided, the group moves below those still awaiting review: found again by its system and reason.
    expect(new Set(included.map((item) => `${item.instanceId} ${item.reason}`)).size).toBe(1);
    expect(included[0]?.instanceId).toBe(system);
    const decided = page.locator(`[data-testid=plan-group][data-system="${system ?? ""}"]`, { hasText: included[0]?.reason ?? "" }).first();
    await decided.getByTestId("plan-group-toggle").click();
    expect(await decided.getByTestId("plan-group-toggle").getAttribute("aria-expanded")).toBe("true");
    expect(await decided.locator("[data-testid=plan-item][data-review=include]").count()).toBe(Math.min(groupPending, 25));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await keepScreenshot(page, "requests-detail-group-review");
  }, scenarioTimeoutMs);

  it("finds requests by the subject's e-mail and by an id prefix, and filters them by status from a linkable URL", async () => {
    const email = subjects[1];
    if (!email || !subjects[0]) throw new Error("the demo sandbox seeded fewer than two subjects with an e-mail address");
    accessId = ((await api("POST", "/requests", { type: "access", regime: "gdpr", identifiers: [{ kind: "email", value: email }] })) as { request: { id: string } }).request.id;

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Requests" }).click();
    await page.getByRole("heading", { name: "Requests" }).waitFor();
    const rows = page.getByTestId("inbox-row");
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);

    const search = async (text: string) => {
      await page.getByLabel("Subject identifier or request id").fill(text);
      await page.getByRole("button", { name: "Search" }).click();
      await page.waitForURL((url) => (url.searchParams.get("q") ?? "") === text, { waitUntil: "commit" }).catch((error: unknown) => {
        throw new Error(`searching for ${text} left the page at ${page.url()}`, { cause: error });
      });
      await page.getByTestId("inbox-count").filter({ hasNotText: "Loading" }).waitFor();
    };
    await search(subjects[0]);
    expect(await rows.count()).toBe(1);
    await expect(rows.first().getByRole("link").textContent()).resolves.toBe(erasureId.slice(0, 8));
    // The subject is shown masked: the list never spells out the whole address.
    const subjectCell = (await rows.first().getByTestId("inbox-subject").textContent())?.trim() ?? "";
    expect(subjectCell).toMatch(/•••@/);
    expect(subjectCell).not.toContain(subjects[0]);

    await search(accessId.slice(0, 8));
    expect(await rows.count()).toBe(1);
    await expect(rows.first().getByRole("link").textContent()).resolves.toBe(accessId.slice(0, 8));

    await search("");
    await page.getByLabel("Status").selectOption("review");
    await page.waitForURL((url) => url.searchParams.get("status") === "review", { waitUntil: "commit" });
    await page.getByTestId("inbox-count").filter({ hasNotText: "Loading" }).waitFor();
    expect(await rows.count()).toBe(1);
    await expect(rows.first().getByRole("link").textContent()).resolves.toBe(erasureId.slice(0, 8));
    await expect(rows.first().getByTestId("sla").textContent()).resolves.toMatch(/On time · \d+ days left/);

    // The view is a link: opened afresh, it shows the same filter and the same request.
    await page.goto(page.url());
    await rows.first().waitFor();
    await expect(page.getByLabel("Status").inputValue()).resolves.toBe("review");
    expect(await rows.count()).toBe(1);

    expect(await seriousAxeViolations(page)).toEqual([]);
    await keepScreenshot(page, "requests-inbox");
  }, scenarioTimeoutMs);
});
