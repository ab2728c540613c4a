import { VendorContractError, type HttpResponse } from "@lethe/connector-sdk";
import { z } from "zod";

export interface Source {
  route: string;
  recordType: string;
}

/** A body's JSON; a body that is not JSON (a truncated page) is a VendorContractError. */
export async function readJson(response: HttpResponse, route: string): Promise<unknown> {
  try {
    return await response.json();
  } catch (error) {
    throw new VendorContractError(`${route} answered a body that is not JSON`, { route }, { cause: error });
  }
}

/** `{ [key]: record }`, the record checked against its documented shape. */
export async function readEnvelope<T extends z.ZodType>(
  response: HttpResponse,
  key: string,
  schema: T,
  source: Source,
): Promise<z.output<T>> {
  const body = await readJson(response, source.route);
  const envelope = z.looseObject({ [key]: z.unknown() }).safeParse(body);
  if (!envelope.success) {
    throw new VendorContractError(`${source.route} answered without "${key}"`, { ...source, issues: envelope.error.issues });
  }
  return parseRecord(envelope.data[key], schema, source);
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
