import type { z } from "zod";
import type { TwilioContext } from "../settings";
import { readPage } from "./read-twilio-json";
import { callTwilio, callTwilioUri, expectStatus } from "./twilio-request";

/** Twilio's largest page (`PageSize` max 1000): one call answers nearly every person's listing. */
export const maxPageSize = 1000;

export interface Listing<T extends z.ZodType> {
  /** Path under the account, e.g. `/Calls.json`. */
  path: string;
  query?: Record<string, string | undefined>;
  /** The key the items are under, e.g. `calls`, `media_list`. */
  key: string;
  schema: T;
  recordType: string;
  route: string;
}

/** Every item of a listing, following `next_page_uri` to its end (`pageSize` is for tests of paging). */
export async function listAll<T extends z.ZodType>(ctx: TwilioContext, listing: Listing<T>, pageSize = maxPageSize): Promise<z.output<T>[]> {
  const source = { route: listing.route, recordType: listing.recordType };
  const items: z.output<T>[] = [];
  let response = await callTwilio(ctx, { method: "GET", path: listing.path, query: { ...listing.query, PageSize: pageSize }, route: listing.route });
  for (;;) {
    expectStatus(response, [200], listing.route);
    const page = await readPage(response, listing.key, listing.schema, source);
    items.push(...page.items);
    if (page.nextPageUri === null) return items;
    ctx.signal.throwIfAborted();
    response = await callTwilioUri(ctx, page.nextPageUri, listing.route);
  }
}
