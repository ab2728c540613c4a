import {
  VendorContractError,
  type AnyConnector,
  type HttpClient,
  type HttpResponse,
  type LocatedRecord,
} from "@lethe/connector-sdk";

/*
 * Deliberately broken connectors, made by wrapping a working one (the reference connector), each
 * with one of the faults docs/connectors.md says the suite must catch. They exist only so the testkit
 * can prove its checks fail when they should.
 */

/**
 * Answers every DELETE under `/api/trash/` with a 404 without sending it, so records are only
 * moved to the trash while the connector still receipts them `erased`: a soft delete claiming to
 * be a hard one (like a Zendesk "delete user" that soft-deletes and reports success).
 */
export function softDeleteClaimingHardDelete(connector: AnyConnector): AnyConnector {
  const erase = connector.erase?.bind(connector);
  if (!erase) throw new Error(`${connector.id} implements no erase to break`);
  return {
    ...connector,
    erase: (ctx, refs, plan) => erase({ ...ctx, http: skippingTrashPurges(ctx.http) }, refs, plan),
  };
}

function skippingTrashPurges(http: HttpClient): HttpClient {
  return {
    request: (request) =>
      request.method === "DELETE" && new URL(request.url).pathname.startsWith("/api/trash/")
        ? Promise.resolve(notFound(request.url))
        : http.request(request),
  };
}

function notFound(url: string): HttpResponse {
  const body = '{"error":{"code":"not_found","message":"Not found."}}';
  return {
    status: 404,
    headers: new Headers({ "content-type": "application/json" }),
    url,
    json: async () => JSON.parse(body) as unknown,
    text: async () => body,
    stream: () => ({
      async *[Symbol.asyncIterator]() {
        yield new TextEncoder().encode(body);
      },
    }),
  };
}

/**
 * Trusts any identifier match as proof of identity: a household's shared phone number makes the
 * partner's records strong matches for the subject, and so candidates for automatic erasure.
 */
export function matchingBystanders(connector: AnyConnector): AnyConnector {
  return {
    ...connector,
    locate: (ctx, query) => promoted(connector.locate(ctx, query)),
  };
}

async function* promoted(records: AsyncIterable<LocatedRecord>): AsyncGenerator<LocatedRecord> {
  for await (const record of records) {
    yield { ...record, matchedBy: record.matchedBy.map((match) => ({ ...match, strength: "strong" as const, reason: undefined })) };
  }
}

/**
 * Swallows VendorContractError and ends quietly, so a page it cannot read is dropped and the
 * subject's records in it are never located, exported or erased.
 */
export function droppingMalformedRecords(connector: AnyConnector): AnyConnector {
  const exportOperation = connector.export?.bind(connector);
  return {
    ...connector,
    locate: (ctx, query) => quietly(connector.locate(ctx, query)),
    export: exportOperation && ((ctx, refs) => quietly(exportOperation(ctx, refs))),
  };
}

async function* quietly<T>(items: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* items;
  } catch (error) {
    if (!(error instanceof VendorContractError)) throw error;
  }
}

/** Writes the subject's identifiers to the info log: fine at debug, a leak above it. */
export function loggingIdentifiers(connector: AnyConnector): AnyConnector {
  return {
    ...connector,
    locate: (ctx, query) => {
      ctx.log.info("Locating subject", { identifiers: query.identifiers.map((identifier) => identifier.value) });
      return connector.locate(ctx, query);
    },
  };
}

/**
 * Deletes another person's record that mentions the subject when asked to redact it: the
 * all-or-nothing handling that erases a bystander's note to remove one address from it.
 */
export function erasingMentions(connector: AnyConnector): AnyConnector {
  const erase = connector.erase?.bind(connector);
  if (!erase) throw new Error(`${connector.id} implements no erase to break`);
  return { ...connector, erase: (ctx, refs, plan) => erase(ctx, refs, plan.action === "redact" ? { action: "erase" } : plan) };
}

/** Redacts a mention by blanking the whole text it sits in: the other person's words go with it. */
export function redactingTheWholeText(connector: AnyConnector): AnyConnector {
  const erase = connector.erase?.bind(connector);
  if (!erase) throw new Error(`${connector.id} implements no erase to break`);
  return { ...connector, erase: (ctx, refs, plan) => erase({ ...ctx, http: blankingPatchedText(ctx.http) }, refs, plan) };
}

function blankingPatchedText(http: HttpClient): HttpClient {
  return {
    request: (request) =>
      request.method === "PATCH" && request.body !== undefined && typeof request.body === "object" && request.body !== null && "body" in request.body
        ? http.request({ ...request, body: { body: "[redacted]" } })
        : http.request(request),
  };
}

/**
 * Reads records back without looking in the trash: a record the vendor only moved there — its data
 * kept for 30 days — reads back absent. Paired with a soft delete claiming to be hard, verification
 * would call the erasure proven.
 */
export function readingBackActiveRecordsOnly(connector: AnyConnector): AnyConnector {
  const erase = connector.erase?.bind(connector);
  const readBack = connector.readBack?.bind(connector);
  if (!erase || !readBack) throw new Error(`${connector.id} implements no erase and readBack to break`);
  return {
    ...connector,
    erase: (ctx, refs, plan) => erase({ ...ctx, http: skippingTrashPurges(ctx.http) }, refs, plan),
    readBack: (ctx, refs, query) => readBack({ ...ctx, http: emptyTrash(ctx.http) }, refs, query),
  };
}

function emptyTrash(http: HttpClient): HttpClient {
  return {
    request: async (request) => {
      if (request.method !== "GET" || !new URL(request.url).pathname.endsWith("/api/trash")) return http.request(request);
      const answer = await http.request(request);
      await answer.text();
      return { ...answer, json: () => Promise.resolve({ data: [], next_cursor: null }), text: () => Promise.resolve('{"data":[],"next_cursor":null}') };
    },
  };
}

/** Answers every read-back with identifiers "no longer mentions the subject", without looking. */
export function neverMentioningTheSubject(connector: AnyConnector): AnyConnector {
  const readBack = connector.readBack?.bind(connector);
  if (!readBack) throw new Error(`${connector.id} implements no readBack to break`);
  return {
    ...connector,
    readBack: async function* (ctx, refs, query) {
      for await (const presence of readBack(ctx, refs, query)) yield query ? { ...presence, mentionsSubject: false } : presence;
    },
  };
}

/** Answers each ref twice: verification would store two receipts, or count one record twice. */
export function answeringTwice(connector: AnyConnector): AnyConnector {
  const readBack = connector.readBack?.bind(connector);
  if (!readBack) throw new Error(`${connector.id} implements no readBack to break`);
  return {
    ...connector,
    readBack: async function* (ctx, refs, query) {
      for await (const presence of readBack(ctx, refs, query)) {
        yield presence;
        yield presence;
      }
    },
  };
}

/** Receipts every rectification `rectified` without asking the vendor to change anything. */
export function rectifyingNothing(connector: AnyConnector): AnyConnector {
  return { ...connector, rectify: async (_ctx, ref) => ({ ref, outcome: "rectified" }) };
}

/** Receipts restrictions and their lifting without setting the vendor's flag. */
export function restrictingNothing(connector: AnyConnector): AnyConnector {
  return {
    ...connector,
    restrict: async function* (_ctx, refs, { lift }) {
      for (const ref of refs) yield { ref, outcome: lift ? "unrestricted" : "restricted" };
    },
  };
}

/**
 * Claims `redact` and, asked to redact records a legal hold keeps, deletes them instead while
 * receipting them `redacted`: the hold's evidence is gone.
 */
export function redactingByDeletion(connector: AnyConnector): AnyConnector {
  const erase = connector.erase?.bind(connector);
  if (!erase) throw new Error(`${connector.id} implements no erase to break`);
  return {
    ...connector,
    capabilities: { ...connector.capabilities, redact: true },
    redact: async (_ctx, ref) => ({ ref, outcome: "redacted" }),
    erase: async function* (ctx, refs, plan) {
      for await (const receipt of erase(ctx, refs, plan.action === "redact" ? { action: "erase" } : plan)) {
        yield plan.action === "redact" && receipt.outcome === "erased" ? { ...receipt, outcome: "redacted" } : receipt;
      }
    },
  };
}
