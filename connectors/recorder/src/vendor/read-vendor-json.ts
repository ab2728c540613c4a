import { VendorContractError, type HttpResponse } from "@lethe/connector-sdk";
import type { z } from "zod";
import { searchPage } from "./records";

export interface Source {
  route: string;
  recordType: string;
}

/** One record, checked against its documented shape. */
export async function readRecord<T extends z.ZodType>(response: HttpResponse, schema: T, source: Source): Promise<z.output<T>> {
  return parseRecord(await response.json(), schema, source);
}

/**
 * One page of a list. Every item must match: a page with one bad item fails whole, naming the
 * item, because skipping it would hide a record of the person from them.
 */
export async function readPage<T extends z.ZodType>(
  response: HttpResponse,
  schema: T,
  source: Source,
): Promise<{ items: z.output<T>[]; nextCursor: string | null }> {
  const envelope = searchPage.safeParse(await response.json());
  if (!envelope.success) {
    throw new VendorContractError(`${source.route} returned a page that is not { entities, pageSize, nextCursor }`, {
      ...source,
      issues: envelope.error.issues,
    });
  }
  return {
    items: envelope.data.entities.map((item) => parseRecord(item, schema, source)),
    nextCursor: envelope.data.nextCursor,
  };
}

/* zod's issues hold paths and expectations, not the values received, so they are safe to carry. */
export function parseRecord<T extends z.ZodType>(value: unknown, schema: T, source: Source): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new VendorContractError(`A ${source.recordType} from ${source.route} does not match the documented shape`, {
    ...source,
    recordId: idOf(value),
    issues: parsed.error.issues,
  });
}

function idOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || !("id" in value)) return undefined;
  return typeof value.id === "string" || typeof value.id === "number" ? String(value.id) : undefined;
}
