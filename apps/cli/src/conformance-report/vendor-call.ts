/** One request a connector sent to its sandbox's vendor API during a check (never a query string). */
export interface VendorCall {
  method: string;
  /** Path only: queries hold the identifiers searched for. */
  path: string;
  status?: number;
  error?: string;
}

/**
 * The last vendor calls before a check failed, as vendor-calls.setup.ts left them in the test's
 * meta (vitest passes meta from the worker to the reporter as plain JSON).
 */
export function vendorCallsIn(meta: object): VendorCall[] | undefined {
  const calls: unknown = (meta as { vendorCalls?: unknown }).vendorCalls;
  return Array.isArray(calls) ? calls.filter(isVendorCall) : undefined;
}

function isVendorCall(value: unknown): value is VendorCall {
  return typeof value === "object" && value !== null && typeof (value as VendorCall).method === "string" && typeof (value as VendorCall).path === "string";
}
