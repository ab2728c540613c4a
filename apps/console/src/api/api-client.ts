import { apiRoutes, errorEnvelopeSchema, routeUrl, type ApiRoutes, type ErrorCode, type OperationId } from "@lethe/contracts";
import type { z } from "zod";
import { textOf } from "../format/text-of";

type RouteOf<K extends OperationId> = ApiRoutes[K];

/** What a route answers, as its contract's success schema parses it; `void` for 204s. */
export type ResponseOf<K extends OperationId> = RouteOf<K>["success"] extends { schema: infer S extends z.ZodType }
  ? z.output<S>
  : void;

type ParamsOf<K extends OperationId> = RouteOf<K> extends { params: infer P extends z.ZodType } ? { params: z.input<P> } : object;
type QueryOf<K extends OperationId> = RouteOf<K> extends { query: infer Q extends z.ZodType } ? { query?: z.input<Q> } : object;
type BodyOf<K extends OperationId> = RouteOf<K> extends { body: infer B extends z.ZodType } ? { body: z.input<B> } : object;

/** The arguments a route takes, from its contract: path params, query string, JSON body. */
export type CallInput<K extends OperationId> = ParamsOf<K> & QueryOf<K> & BodyOf<K>;

/** The API answered with its error envelope (or not with JSON at all). */
export class ApiRequestError extends Error {
  override name = "ApiRequestError";
  constructor(
    readonly status: number,
    readonly code: ErrorCode | "network_error" | "unexpected_response",
    message: string,
    readonly details: unknown = undefined,
  ) {
    super(message);
  }

  /** Field problems of a `validation_failed` answer, keyed by path (`identifiers.0.value`). */
  fieldIssues(): Record<string, string> {
    const issues: Record<string, string> = {};
    if (!Array.isArray(this.details)) return issues;
    for (const issue of this.details as unknown[]) {
      if (typeof issue === "object" && issue !== null && "path" in issue && "message" in issue) {
        issues[String(issue.path)] = String(issue.message);
      }
    }
    return issues;
  }
}

/** The API answered 2xx with a body its own contract rejects: a server/console version mismatch. */
export class ContractViolationError extends Error {
  override name = "ContractViolationError";
}

export type UnauthenticatedListener = () => void;
let onUnauthenticated: UnauthenticatedListener = () => undefined;

/** The session store registers here so any 401 (an expired session) leads back to the login screen. */
export function whenUnauthenticated(listener: UnauthenticatedListener): void {
  onUnauthenticated = listener;
}

/**
 * Calls one API operation by its contract's operation id. The session cookie travels by itself
 * (same origin, httpOnly); the response is validated with the route's zod schema.
 */
export async function callApi<K extends OperationId>(operation: K, input: CallInput<K>): Promise<ResponseOf<K>> {
  const route: RouteOf<K> = apiRoutes[operation];
  const given = input as { params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown };
  let url = routeUrl(route.path, given.params ?? {});
  if (given.query) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(given.query)) {
      if (value !== undefined && value !== null && value !== "") search.set(key, textOf(value));
    }
    const text = search.toString();
    if (text !== "") url += `?${text}`;
  }

  let response: Response;
  try {
    response = await fetch(url, {
      method: route.method.toUpperCase(),
      credentials: "same-origin",
      // Every POST and PATCH says JSON, even without a body: the API refuses other types, which
      // (with the SameSite=Strict cookie) is its CSRF defence.
      headers: route.method === "get" || route.method === "delete" ? { accept: "application/json" } : { accept: "application/json", "content-type": "application/json" },
      body: given.body === undefined ? undefined : JSON.stringify(given.body),
    });
  } catch {
    throw new ApiRequestError(0, "network_error", "The Lethe API cannot be reached. Is `lethe start` running?");
  }

  if (!response.ok) throw await readError(response, operation);
  if (response.status === 204 || !("schema" in route.success)) return undefined as ResponseOf<K>;
  const json: unknown = await response.json();
  const parsed = route.success.schema.safeParse(json);
  if (!parsed.success) {
    throw new ContractViolationError(`The API's answer to ${operation} does not match its contract: ${parsed.error.issues[0]?.message ?? "unknown"}`);
  }
  return parsed.data as ResponseOf<K>;
}

async function readError(response: Response, operation: OperationId): Promise<ApiRequestError> {
  const body: unknown = await response.json().catch(() => null);
  const envelope = errorEnvelopeSchema.safeParse(body);
  if (response.status === 401 && operation !== "postLogin" && operation !== "getMe") onUnauthenticated();
  if (!envelope.success) {
    return new ApiRequestError(response.status, "unexpected_response", `The API answered ${response.status} without an error envelope.`);
  }
  const { code, message, details } = envelope.data.error;
  return new ApiRequestError(response.status, code, message, details);
}

/** A readable sentence for any error a screen shows. */
export function describeError(error: unknown): string {
  if (error instanceof ApiRequestError || error instanceof ContractViolationError) return error.message;
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}
