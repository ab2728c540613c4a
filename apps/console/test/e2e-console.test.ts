import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startSalesforceSandbox } from "@lethe/connector-salesforce/sandbox";
import type { OraclePerson } from "@lethe/connector-sdk";
import { verifyBundle } from "@lethe/runtime";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireConsoleBuild } from "../src/build";
import { launchBrowser, screenshotDirectory, type TestBrowser } from "./e2e/browser";
import { startLetheUnderTest, type LetheUnderTest } from "./e2e/lethe-under-test";
import { signIn } from "./e2e/sign-in";
import { zipEntryNames } from "./e2e/zip-entries";

/*
 * The console in a real browser (Debian's Chromium driven by playwright-core) against a real
 * `lethe start`: embedded PostgreSQL by default, an isolated database when DATABASE_URL is set.
 * Screenshots of each screen at 1280 and 800 px go to apps/console/e2e-screenshots/ (git-ignored).
 */
const admin = { email: "admin@example.com", password: "correct horse battery staple", role: "admin" as const };
const viewer = { email: "viewer@example.com", password: "viewer passphrase 123", role: "viewer" as const };
const widths = [1280, 800] as const;
// A request runs through the worker and the sandbox; on a busy 2-core CI machine that can take a while.
const requestTimeoutMs = 120_000;
const scenarioTimeoutMs = 180_000;

describe("the console in Chromium, against lethe start", () => {
  let lethe: LetheUnderTest;
  let browser: TestBrowser;
  let adminContext: BrowserContext;
  let page: Page;
  let downloads: string;
  let subjects: string[];

  beforeAll(async () => {
    // The root `pnpm test` builds everything (the console too) before it runs the tests.
    await requireConsoleBuild();
    [lethe, browser] = await Promise.all([startLetheUnderTest(admin), launchBrowser()]);
    await lethe.addUser(viewer);
    const people = ((await (await fetch(`${lethe.sandboxUrl}/__sandbox/people`)).json()) as { people: OraclePerson[] }).people;
    subjects = people
      .filter((person) => person.role === "subject")
      .flatMap((person) => person.identifiers.filter((identifier) => identifier.kind === "email").slice(0, 1).map((identifier) => identifier.value));
    downloads = await mkdtemp(path.join(tmpdir(), "lethe-e2e-downloads-"));
    adminContext = await browser.newContext(1280);
    page = await adminContext.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    const code = await lethe?.stop();
    if (downloads) await rm(downloads, { recursive: true, force: true });
    expect(code).toBe(0);
  });

  /** Long pages (a request's 50 receipts) are shot as the first screenful, the rest whole. */
  async function shoot(target: Page, name: string, options: { fullPage: boolean } = { fullPage: true }): Promise<void> {
    for (const width of widths) {
      await target.setViewportSize({ width, height: 900 });
      await target.screenshot({ path: path.join(screenshotDirectory, `${name}-${width}.png`), fullPage: options.fullPage });
    }
    await target.setViewportSize({ width: 1280, height: 900 });
  }

  async function fileRequest(type: "erasure" | "access", email: string): Promise<string> {
    await page.getByRole("link", { name: "New request" }).click();
    await page.getByRole("radio", { name: new RegExp(`^${type}`) }).check();
    await page.getByLabel("Identifier 1 value").fill(email);
    await page.getByRole("button", { name: "File request" }).click();
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    return page.url().split("/").pop() ?? "";
  }

  async function waitForStatus(status: string): Promise<void> {
    await page.locator(".summary [data-testid=status]", { hasText: new RegExp(`^${status}$`) }).waitFor({ timeout: requestTimeoutMs });
  }

  /**
   * The review screen: the household member found through the subject's phone (locate round 1)
   * waits for review; approval is refused until every such record is decided; the reviewer ticks
   * them all, excludes them, and approves.
   */
  async function excludeAwaitingReviewAndApprove(): Promise<void> {
    await waitForStatus("review");
    const review = page.getByTestId("plan-review");
    await review.waitFor();
    expect(Number(await review.getByTestId("pending-review").textContent())).toBeGreaterThan(0);
    expect(await review.getByTestId("approve-plan").isDisabled()).toBe(true);
    await page.getByTestId("provenance").locator("summary").click();
    expect(await page.getByTestId("provenance-record").count()).toBeGreaterThan(0);
    // The plan comes grouped by system and reason; each group of weak matches is excluded at once.
    const waiting = review.locator("[data-testid=plan-group]:not([data-pending='0'])");
    while ((await waiting.count()) > 0) {
      const pending = Number(await review.getByTestId("pending-review").textContent());
      const inGroup = Number(await waiting.first().getAttribute("data-pending"));
      await waiting.first().getByTestId("exclude-group").click();
      await review.getByTestId("pending-review").filter({ hasText: new RegExp(`^${pending - inGroup}$`) }).waitFor();
    }
    await review.getByTestId("pending-review").filter({ hasText: /^0$/ }).waitFor();
    const excluded = review.getByTestId("plan-group").filter({ hasText: /\d+ excluded/ }).first();
    await excluded.getByTestId("plan-group-toggle").click();
    expect(await excluded.locator("[data-testid=plan-item][data-review=exclude]").count()).toBeGreaterThan(0);
    await shoot(page, "03a-review", { fullPage: false });
    await review.getByTestId("approve-plan").click();
  }

  it("refuses a wrong password and signs the admin in with the right one", async () => {
    await page.goto(`${lethe.url}/requests/new`);
    await page.getByRole("heading", { name: "Sign in to Lethe" }).waitFor();
    await shoot(page, "01-login");
    await page.getByLabel("E-mail address").fill(admin.email);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toMatch(/do not match/);

    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Back where the sign-in interrupted.
    await page.getByRole("heading", { name: "New request" }).waitFor();
    await expect(page.getByTestId("signed-in-as").textContent()).resolves.toContain(admin.email);
    const cookies = await adminContext.cookies();
    expect(cookies.length).toBeGreaterThan(0);
    expect(cookies.every((cookie) => cookie.httpOnly && cookie.sameSite === "Strict")).toBe(true);
  });

  it("checks identifiers inline with core's rules before filing", async () => {
    await page.getByLabel("Identifier 1 value").fill("ada@");
    await page.getByLabel("Identifier 1 value").blur();
    await expect(page.getByText(/^Invalid e-mail address:/).textContent()).resolves.toBeTruthy();
    await page.getByLabel("Identifier 1 value").fill("Ada.Lovelace@EXAMPLE.com");
    await page.getByLabel("Identifier 1 value").blur();
    await page.getByText("Will be searched as ada.lovelace@example.com").waitFor();
    await shoot(page, "02-new-request");
  });

  it("files an erasure request for a seeded subject and shows it completing with receipts", async () => {
    const email = subjects[0];
    expect(email).toBeDefined();
    const id = await fileRequest("erasure", email ?? "");
    await excludeAwaitingReviewAndApprove();
    await waitForStatus("completed");
    expect(await page.getByTestId("receipt").count()).toBeGreaterThan(0);
    await expect(page.getByTestId("receipt-group").first().textContent()).resolves.toContain("demo-reference");
    await expect(page.getByTestId("timeline").textContent()).resolves.toMatch(/completed/);
    expect(await page.getByTestId("audit").locator("tbody tr").count()).toBeGreaterThan(2);
    // The oracle confirms what the console shows: the subject is gone from the sandbox.
    const remaining = ((await (await fetch(`${lethe.sandboxUrl}/__sandbox/people`)).json()) as { people: OraclePerson[] }).people;
    const still = remaining.find((person) => person.identifiers.some((identifier) => identifier.value === email));
    if (still) {
      const records = (await (await fetch(`${lethe.sandboxUrl}/__sandbox/people/${still.id}/records`)).json()) as { records: unknown[] };
      expect(records.records).toEqual([]);
    }
    await shoot(page, "03-erasure-completed", { fullPage: false });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  }, scenarioTimeoutMs);

  it("files an access request and downloads a zip whose manifest lists its files", async () => {
    const email = subjects[1];
    expect(email).toBeDefined();
    await fileRequest("access", email ?? "");
    // Art. 12(6): an access request waits for identity verification before anything is searched.
    await waitForStatus("verifying");
    expect(await page.getByTestId("located-group").count()).toBe(0);

    // The deadline is extended by a month, with the notice to the requester recorded.
    await page.getByTestId("extensions").getByText("Extend the deadline").click();
    await page.getByLabel("Further months").fill("1");
    await page.getByLabel("Reason for the extension").fill("records in several systems");
    await page.getByLabel("Requester told by").selectOption("email");
    await page.getByLabel("What the requester was told").fill("We need one more month to gather your data.");
    await page.getByRole("button", { name: "Extend deadline" }).click();
    await page.getByTestId("extension").first().waitFor();
    await expect(page.getByTestId("extension").first().textContent()).resolves.toMatch(/1 month\(s\) in all.*records in several systems.*told by email/s);

    await page.getByLabel("How was the identity checked?").fill("photo id checked over video call");
    await page.getByRole("button", { name: "Attest identity" }).click();
    await excludeAwaitingReviewAndApprove();
    await waitForStatus("completed");
    expect(await page.getByTestId("located-group").count()).toBeGreaterThan(0);
    const downloadStarted = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download export (zip)" }).click();
    const download = await downloadStarted;
    const file = path.join(downloads, "export.zip");
    await download.saveAs(file);

    const verification = await verifyBundle(file);
    expect(verification.problems).toEqual([]);
    expect(verification.ok).toBe(true);
    const entries = await zipEntryNames(file);
    expect(entries).toContain("manifest.json");
    expect(verification.manifest.files.length).toBeGreaterThan(0);
    expect([...entries].filter((name) => name !== "manifest.json" && !name.endsWith("/")).sort()).toEqual(
      verification.manifest.files.map((listed) => listed.path).sort(),
    );
    await shoot(page, "04-access-completed", { fullPage: false });
  }, scenarioTimeoutMs);

  it("shows both requests on the dashboard with counts by status and type", async () => {
    await page.getByRole("link", { name: "Dashboard" }).click();
    await page.getByRole("heading", { name: "Open requests by due date" }).waitFor();
    await expect(page.getByRole("group", { name: "Summary" }).textContent()).resolves.toMatch(/erasure\s*1[\s\S]*access\s*1|access\s*1[\s\S]*erasure\s*1/);
    await shoot(page, "05-dashboard");
  });

  it("adds a connector instance with a wrong secret and shows the failed connection test", async () => {
    await page.getByRole("link", { name: "Connectors" }).click();
    await page.getByRole("heading", { name: "Add a connection" }).waitFor();
    await page.getByLabel("Connector").selectOption("reference");
    await page.getByLabel("Name").fill("crm-wrong-token");
    await page.getByLabel("Base URL").fill(lethe.sandboxUrl);
    const secret = page.getByLabel(/^API token/);
    await expect(secret.getAttribute("type")).resolves.toBe("password");
    await secret.fill("definitely-not-the-token");
    await page.getByRole("button", { name: "Add and test connection" }).click();
    const result = page.getByTestId("test-result");
    await result.waitFor();
    await expect(result.textContent()).resolves.toMatch(/crm-wrong-token: connection test failed \(auth\)/);
    await expect(page.locator("tr[data-instance=crm-wrong-token]").textContent()).resolves.toMatch(/failing: auth/);
    // The secret never comes back into the page.
    await expect(page.content()).resolves.not.toContain("definitely-not-the-token");
    await shoot(page, "06-connectors");
  });

  it("adds a Salesforce instance with the client-credentials flow chosen in the form, and its connection test succeeds", async () => {
    // The demo sandbox's connected app derives from its seed (1 under lethe start): a throwaway sandbox with that seed tells its credentials.
    const twin = await startSalesforceSandbox({ seed: 1 });
    const credentials = twin.credentials;
    await twin.stop();
    if (typeof credentials.clientId !== "string" || typeof credentials.clientSecret !== "string") throw new Error("no client credentials");

    await page.getByRole("link", { name: "Connectors" }).click();
    await page.getByRole("heading", { name: "Add a connection" }).waitFor();
    await page.getByLabel("Connector").selectOption("salesforce");
    await page.getByLabel("Name").fill("salesforce-form");
    await page.getByLabel("Login URL").fill(lethe.salesforceSandboxUrl);
    const flows = page.getByRole("radiogroup", { name: "Authentication" });
    await expect(flows.getByRole("radio").count()).resolves.toBe(2);
    await flows.getByLabel("JWT bearer flow").check();
    await page.getByLabel(/^Private key/).waitFor();
    await flows.getByLabel("Client credentials flow").check();
    expect(await page.getByLabel(/^Private key/).count()).toBe(0);
    await page.getByLabel(/^Client ID/).fill(credentials.clientId);
    await page.getByLabel(/^Client secret/).fill(credentials.clientSecret);
    await page.getByRole("button", { name: "Add and test connection" }).click();
    const result = page.getByTestId("test-result");
    await expect(result.filter({ hasText: "salesforce-form" }).textContent()).resolves.toMatch(/salesforce-form: connected \(\d+ ms\)/);
    await expect(page.content()).resolves.not.toContain(credentials.clientSecret);
  });

  it("shows an API token once when the admin creates it", async () => {
    await page.getByRole("link", { name: "API tokens" }).click();
    await page.getByLabel("Name").fill("ticketing integration");
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByTestId("new-token").inputValue()).resolves.toMatch(/^lethe_/);
    await shoot(page, "07-tokens");
    await page.reload();
    await page.getByRole("heading", { name: "API tokens" }).waitFor();
    expect(await page.getByTestId("new-token").count()).toBe(0);
    await page.getByRole("link", { name: "Users" }).click();
    await page.getByRole("heading", { name: "Add a user" }).waitFor();
    await shoot(page, "08-users");
  });

  it("does not let a viewer see the admin screens", async () => {
    const viewerContext = await browser.newContext(800);
    const viewerPage = await viewerContext.newPage();
    await signIn(viewerPage, lethe.url, viewer);
    const nav = viewerPage.getByRole("navigation", { name: "Main" });
    await expect(nav.textContent()).resolves.not.toMatch(/Users|API tokens|New request/);
    for (const screen of ["/users", "/tokens"]) {
      await viewerPage.goto(`${lethe.url}${screen}`);
      await viewerPage.getByTestId("forbidden").waitFor();
    }
    await viewerPage.goto(`${lethe.url}/connectors`);
    await viewerPage.getByRole("heading", { name: "Connections" }).waitFor();
    expect(await viewerPage.getByRole("heading", { name: "Add a connection" }).count()).toBe(0);
    expect(await viewerPage.getByRole("button", { name: /Test connection/ }).count()).toBe(0);
    await shoot(viewerPage, "09-viewer-connectors");
    await viewerContext.close();
  });
});
