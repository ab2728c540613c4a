import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireConsoleBuild } from "../src/build";
import { launchBrowser, type TestBrowser } from "./e2e/browser";
import { startLetheUnderTest, type LetheUnderTest } from "./e2e/lethe-under-test";
import { signIn } from "./e2e/sign-in";
import { keepScreenshot, seriousAxeViolations } from "./e2e/page-checks";

/*
 * The console's admin screens in Chromium against a real `lethe start`: the dashboard's charts
 * after a request is filed, the audit log filtered to that request with the chain verified, and
 * a connection whose health comes from real use and whose settings are edited with its secrets
 * left blank (kept: the connection test still passes). Each screen passes axe's serious checks.
 */
const admin = { email: "admin@example.com", password: "correct horse battery staple" };
// The request runs through the worker and the demo sandboxes; a busy machine can take a while.
const workTimeoutMs = 120_000;
const scenarioTimeoutMs = 180_000;

describe("dashboard charts, audit log and connections, in Chromium against lethe start", () => {
  let lethe: LetheUnderTest;
  let browser: TestBrowser;
  let page: Page;
  let requestId = "";

  beforeAll(async () => {
    await requireConsoleBuild();
    [lethe, browser] = await Promise.all([startLetheUnderTest(admin), launchBrowser()]);
    page = await (await browser.newContext(1280)).newPage();
    await signIn(page, lethe.url, admin);
  });
  afterAll(async () => {
    await browser?.close();
    expect(await lethe?.stop()).toBe(0);
  });

  it("draws the dashboard's charts from the counts after a request is filed", async () => {
    // Filed and attested through the API with the console's own session: this test is about the charts, not the request pages.
    const filed = await page.request.post(`${lethe.url}/api/v1/requests`, {
      data: { type: "access", regime: "gdpr", identifiers: [{ kind: "email", value: "chart.subject@example.com" }] },
    });
    expect(filed.status()).toBe(201);
    requestId = ((await filed.json()) as { request: { id: string } }).request.id;
    const attested = await page.request.post(`${lethe.url}/api/v1/requests/${requestId}/verification/attest`, {
      data: { note: "checked the requester's account in person" },
    });
    expect(attested.status()).toBe(200);

    await page.goto(`${lethe.url}/`);
    const receivedClosed = page.getByTestId("chart-received-closed");
    await receivedClosed.locator("canvas").waitFor();
    await expect(receivedClosed.getByTestId("chart-received-closed-summary").textContent()).resolves.toMatch(/: 1 received, 0 closed\./);
    await expect(receivedClosed.locator("canvas").getAttribute("aria-label")).resolves.toMatch(/^Requests received and closed per week: /);
    // The canvas holds a drawing, not a blank box: some pixel gets painted (once Chart.js has sized it).
    const paintedCanvas = () =>
      page.evaluate<boolean>(`(() => {
      const canvas = document.querySelector("[data-testid=chart-received-closed] canvas");
      if (!canvas || canvas.width === 0 || canvas.height === 0) return false;
      const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
      return false;
    })()`);
    // Polled from here: the console's CSP forbids the string evaluation page.waitForFunction needs.
    await expect.poll(paintedCanvas, { timeout: 30_000, interval: 250 }).toBe(true);
    await receivedClosed.getByText("Show as a table").click();
    const lastWeek = receivedClosed.getByRole("row").last();
    await expect(lastWeek.getByRole("cell").first().textContent()).resolves.toBe("1");
    await page.getByTestId("chart-by-status").locator("canvas").waitFor();

    expect(await seriousAxeViolations(page)).toEqual([]);
    await keepScreenshot(page, "dashboard-charts");
  }, scenarioTimeoutMs);

  it("lists the request's audit entries when filtered by it, and verifies the chain on demand", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Audit log" }).click();
    await page.getByRole("heading", { name: "Audit log" }).waitFor();
    const rows = page.getByTestId("audit-entries").locator("tbody tr[data-action]");
    await rows.first().waitFor();
    const requestsListed = () =>
      page.evaluate<string[]>(`[...document.querySelectorAll("[data-testid=audit-entries] tbody tr[data-action]")].map((row) => row.dataset.request)`);
    // Unfiltered, the log shows more than the request: the users and connections lethe start made.
    expect((await requestsListed()).some((id) => id !== requestId)).toBe(true);

    await page.getByLabel("Request id").fill(requestId);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(new RegExp(`/audit\\?requestId=${requestId}$`));
    await expect
      .poll(async () => {
        const listed = await requestsListed();
        return listed.length > 0 && listed.every((id) => id === requestId);
      }, { timeout: 30_000, interval: 250 })
      .toBe(true);
    const filtered = await requestsListed();
    expect(filtered.length).toBeGreaterThan(0);
    expect(new Set(filtered)).toEqual(new Set([requestId]));
    expect(await rows.filter({ hasText: "request." }).count()).toBeGreaterThan(0);
    expect(await page.content()).not.toContain("chart.subject@example.com");

    const onlyThisRequest = async () => {
      const listed = await requestsListed();
      return listed.length > 0 && listed.every((id) => id === requestId);
    };
    // The same filter from a row, without typing the id.
    await page.getByRole("button", { name: "Clear" }).click();
    await expect.poll(onlyThisRequest, { timeout: 30_000, interval: 250 }).toBe(false);
    await page.getByRole("button", { name: `only entries of request ${requestId.slice(0, 8)}` }).first().click();
    await expect.poll(onlyThisRequest, { timeout: 30_000, interval: 250 }).toBe(true);

    await page.getByRole("button", { name: "Verify the chain" }).click();
    await expect(page.getByTestId("verification-status").textContent()).resolves.toMatch(/Chain intact: \d+ sealed entries re-hashed/);

    expect(await seriousAxeViolations(page)).toEqual([]);
    await keepScreenshot(page, "audit-log");
  }, scenarioTimeoutMs);

  it("shows a connection's health from its real work, and edits its settings keeping the secrets left blank", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Connectors" }).click();
    await page.getByRole("heading", { name: "Connections" }).waitFor();
    // The filed request's locate ran on the demo CRM without anyone pressing "Test connection".
    await expect
      .poll(
        async () => {
          const listed = (await (await page.request.get(`${lethe.url}/api/v1/connector-instances`)).json()) as {
            connectorInstances: Array<{ name: string; lastOutcome: string | null }>;
          };
          return listed.connectorInstances.find((instance) => instance.name === "demo-reference")?.lastOutcome ?? null;
        },
        { timeout: workTimeoutMs, interval: 1_000 },
      )
      .toBe("ok");
    await page.reload();
    const crm = page.locator("tr[data-instance=demo-reference]").getByTestId("health");
    await expect(crm.getAttribute("data-state")).resolves.toBe("healthy");
    await expect(crm.textContent()).resolves.toMatch(/working\s*Last used for a request/);

    const salesforce = page.locator("tr[data-instance=demo-salesforce]");
    await salesforce.getByRole("button", { name: "Edit demo-salesforce" }).click();
    const form = page.getByTestId("edit-connection");
    const region = form.getByLabel(/^Default phone region/);
    await expect(region.inputValue()).resolves.toBe("US");
    await region.fill("GB");
    await expect(form.getByLabel(/^Client secret/).inputValue()).resolves.toBe("");
    await form.getByRole("button", { name: "Save changes" }).click();
    await page.getByTestId("test-result").filter({ hasText: "demo-salesforce: changes saved." }).waitFor();

    await page.reload();
    await page.locator("tr[data-instance=demo-salesforce]").getByRole("button", { name: "Edit demo-salesforce" }).click();
    await expect(page.getByTestId("edit-connection").getByLabel(/^Default phone region/).inputValue()).resolves.toBe("GB");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await keepScreenshot(page, "connections-edit");

    // The secrets left blank were kept: the connection still authenticates.
    await page.locator("tr[data-instance=demo-salesforce]").getByRole("button", { name: "Test connection of demo-salesforce" }).click();
    await expect(page.getByTestId("test-result").filter({ hasText: "demo-salesforce" }).textContent()).resolves.toMatch(/demo-salesforce: connected \(\d+ ms\)/);
  }, scenarioTimeoutMs);

  it("places a record hold by choosing the connection by name, never typing its id", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Legal holds" }).click();
    await page.getByRole("heading", { name: "Legal holds" }).waitFor();
    await page.getByRole("textbox", { name: "Title", exact: true }).fill("One disputed call");
    await page.getByRole("textbox", { name: "Legal basis", exact: true }).fill("Art. 17(3)(e) GDPR: defence of legal claims");
    await page.getByRole("textbox", { name: "Owner", exact: true }).fill("Legal");
    await page.getByRole("radio", { name: /^A record/ }).check();
    const connection = page.getByRole("combobox", { name: "Connection", exact: true });
    await expect(connection.locator("option").allTextContents()).resolves.toContain("demo-recorder (recorder)");
    await connection.selectOption({ label: "demo-recorder (recorder)" });
    await page.getByRole("textbox", { name: "Record type", exact: true }).fill("call");
    await page.getByRole("textbox", { name: "Record id", exact: true }).fill("call-0001");
    await page.getByRole("button", { name: "Place hold" }).click();
    await page.getByRole("status").filter({ hasText: 'Hold "One disputed call" placed.' }).waitFor();
    await page.getByTestId("holds").getByRole("row").filter({ hasText: "call call-0001 on demo-recorder" }).waitFor();
  }, scenarioTimeoutMs);
});
