import { VendorContractError, type HttpResponse } from "@lethe/connector-sdk";
import type { z } from "zod";
import { listEnvelope } from "./records";

export interface Source {
  route: string;
  recordType: string;
}

/** One resource, checked against its documented shape. */
export async function readRecord<T extends z.ZodType>(response: HttpResponse, schema: T, source: Source): Promise<z.output<T>> {
  return parseRecord(await response.json(), schema, source);
}

/**
 * One page of a listing: `{ <key>: [...], page, page_size, next_page_uri, … }`. Every item must
 * match: a page with one bad item fails whole, naming the item, because skipping it would hide a
 * record of the person from them.
 */
export async function readPage<T extends z.ZodType>(
  response: HttpResponse,
  key: string,
  schema: T,
  source: Source,
): Promise<{ items: z.output<T>[]; nextPageUri: string | null }> {
  const body = await response.json();
  const envelope = listEnvelope.safeParse(body);
  const items: unknown = typeof body === "object" && body !== null && key in body ? (body as Record<string, unknown>)[key] : undefined;
  if (!envelope.success || !Array.isArray(items)) {
    throw new VendorContractError(`${source.route} returned a page that is not { ${key}: [...], page_size, next_page_uri }`, {
      ...source,
      issues: envelope.success ? [{ path: [key], message: "not an array" }] : envelope.error.issues,
    });
  }
  return { items: items.map((item) => parseRecord(item, schema, source)), nextPageUri: envelope.data.next_page_uri };
}

/* zod's issues hold paths and expectations, not the values received, so they are safe to carry. */
export function parseRecord<T extends z.ZodType>(value: unknown, schema: T, source: Source): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new VendorContractError(`A ${source.recordType} from ${source.route} does not match Twilio's documented shape`, {
    ...source,
    recordId: sidOf(value),
    issues: parsed.error.issues,
  });
}

function sidOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || !("sid" in value)) return undefined;
  return typeof value.sid === "string" ? value.sid : undefined;
}
