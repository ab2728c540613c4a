import { beforeEach } from "vitest";
import type { VendorCall } from "./vendor-call";

/*
 * Loaded into the conformance run by `lethe connector test` (vitest setupFiles): records the
 * vendor calls each check makes by wrapping fetch, which the SDK's HTTP client calls, and hands
 * the last few to the reporter when a check fails, so a failure says which vendor call it followed.
 * The oracle's own routes (/__sandbox) are the suite's, not the connector's, and are left out.
 */

const kept = 8;
const calls: VendorCall[] = [];
const originalFetch = globalThis.fetch;

globalThis.fetch = async (input, init) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  if (url.pathname.startsWith("/__sandbox")) return originalFetch(input, init);
  const call: VendorCall = { method: request.method, path: url.pathname };
  calls.push(call);
  if (calls.length > 100) calls.splice(0, calls.length - 100);
  try {
    const response = await originalFetch(input, init);
    call.status = response.status;
    return response;
  } catch (error) {
    call.error = error instanceof Error ? error.name : "error";
    throw error;
  }
};

beforeEach(({ task, onTestFailed }) => {
  calls.length = 0;
  onTestFailed(() => {
    Object.assign(task.meta, { vendorCalls: calls.slice(-kept).map((call) => ({ ...call })) });
  });
});
