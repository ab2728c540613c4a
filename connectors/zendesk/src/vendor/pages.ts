import { VendorContractError } from "@lethe/connector-sdk";
import { z } from "zod";
import type { ZendeskContext } from "../settings";
import { readJson, parseRecord, type Source } from "./read-zendesk-json";
import { callZendesk, callZendeskUrl, expectStatus } from "./zendesk-request";

/** Zendesk's largest page, so that a walk spends as few requests as the API allows. */
export const pageSize = 100;

const cursorEnvelope = z.looseObject({
  meta: z.looseObject({ has_more: z.boolean(), after_cursor: z.string().nullable() }),
  links: z.looseObject({ next: z.string().nullable() }),
});

const offsetEnvelope = z.looseObject({
  next_page: z.string().nullable(),
  count: z.int().nonnegative(),
});

export interface ListWalk<T extends z.ZodType> {
  path: string;
  /** The key of the list in the body, e.g. `identities`. */
  key: string;
  schema: T;
  source: Source;
  query?: Record<string, string | number | undefined>;
}

/**
 * Every item of a list with cursor pagination (vendor-apis.md §2.4): `page[size]` switches it on,
 * `meta.has_more` and `links.next` lead on. Cursor pages are not capped like offset ones (10,000
 * records), which is why the connector lists rather than searches where it can.
 *
 * `undefined` when the first page answers 404 (the parent record is gone).
 */
export async function cursorList<T extends z.ZodType>(ctx: ZendeskContext, walk: ListWalk<T>): Promise<z.output<T>[] | undefined> {
  const items: z.output<T>[] = [];
  const { route } = walk.source;
  let response = await callZendesk(ctx, {
    method: "GET",
    path: walk.path,
    query: { ...walk.query, "page[size]": pageSize },
    route,
  });
  if (response.status === 404) return undefined;
  for (;;) {
    expectStatus(response, [200], route);
    const body = await readJson(response, route);
    const page = parseEnvelope(body, cursorEnvelope, walk.source);
    const list = isObject(body) ? body[walk.key] : undefined;
    if (!Array.isArray(list)) throw new VendorContractError(`${route} answered without a "${walk.key}" list`, walk.source);
    for (const item of list) items.push(parseRecord(item, walk.schema, walk.source));
    const next = page.links.next;
    if (!page.meta.has_more || next === null) return items;
    ctx.signal.throwIfAborted();
    response = await callZendeskUrl(ctx, next, route);
  }
}

/** Results of the Search API (Z1): offset-only, 100 per page, never more than 1,000 results. */
export const searchResultCap = 1_000;

export interface SearchPages {
  items: unknown[];
  /** More matched than the API will page through: the caller must search otherwise. */
  capped: boolean;
}

export async function offsetSearch(ctx: ZendeskContext, query: string, route: string): Promise<SearchPages> {
  const items: unknown[] = [];
  let response = await callZendesk(ctx, {
    method: "GET",
    path: "/search.json",
    query: { query, per_page: pageSize },
    route,
  });
  for (;;) {
    expectStatus(response, [200], route);
    const page = parseEnvelope(
      await readJson(response, route),
      offsetEnvelope.extend({ results: z.array(z.unknown()) }),
      { route, recordType: "search result" },
    );
    if (page.count > searchResultCap) return { items: [], capped: true };
    items.push(...page.results);
    if (page.next_page === null) return { items, capped: false };
    ctx.signal.throwIfAborted();
    response = await callZendeskUrl(ctx, page.next_page, route);
  }
}

/**
 * The export search (Z2): cursor-only, no 1,000 cap, the type in `filter[type]` (a `type:` inside
 * the query is refused there).
 */
export async function exportSearch(
  ctx: ZendeskContext,
  query: string,
  type: "ticket" | "user",
  route: string,
): Promise<unknown[]> {
  const items: unknown[] = [];
  let response = await callZendesk(ctx, {
    method: "GET",
    path: "/search/export",
    query: { query, "filter[type]": type, "page[size]": pageSize },
    route,
  });
  for (;;) {
    expectStatus(response, [200], route);
    const page = parseEnvelope(
      await readJson(response, route),
      cursorEnvelope.extend({ results: z.array(z.unknown()) }),
      { route, recordType: "search result" },
    );
    items.push(...page.results);
    const next = page.links.next;
    if (!page.meta.has_more || next === null) return items;
    ctx.signal.throwIfAborted();
    response = await callZendeskUrl(ctx, next, route);
  }
}

function parseEnvelope<T extends z.ZodType>(body: unknown, schema: T, source: Source): z.output<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new VendorContractError(`${source.route} answered a page that does not match the documented envelope`, {
    ...source,
    issues: parsed.error.issues,
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
