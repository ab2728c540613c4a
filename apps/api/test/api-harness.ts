import { errorEnvelopeSchema, fieldIssueSchema, type Role } from "@lethe/contracts";
import { z } from "zod";
import { createSecretBox } from "@lethe/db";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import { createConnectorRegistry, loopbackAllowList } from "@lethe/runtime";
import referenceConnector from "@lethe/connector-reference";
import { createApiApp, type ApiDependencies } from "../src/app";
import { createApiTokenFor, createLocalUser } from "../src/auth/bootstrap";
import { startApiServer, type RunningApiServer } from "../src/server";

/** scrypt at a test cost: the same code path, a fraction of the time. */
export const testPasswordCost = { N: 2 ** 10, r: 8, p: 1 };
export const testPassword = "correct horse battery staple";

export interface ApiHarness {
  database: TestDatabase;
  server: RunningApiServer;
  url: string;
  /** Session cookies and a token per role, ready to send. */
  credentials: Record<Role, { cookie: string }> & { adminToken: string; viewerToken: string };
  close(): Promise<void>;
}

export async function startApiHarness(overrides: Partial<ApiDependencies> = {}): Promise<ApiHarness> {
  const database = await createTestDatabase();
  const app = createApiApp({
    db: database,
    registry: createConnectorRegistry([referenceConnector]),
    secretBox: createSecretBox(Buffer.alloc(32, 7)),
    passwordHashCost: testPasswordCost,
    log: () => undefined,
    // The sandboxes and receivers of the API tests listen on loopback: allowed here, explicitly.
    outboundAllow: loopbackAllowList,
    ...overrides,
  });
  const server = await startApiServer({ app, port: 0 });
  const cookies: Partial<Record<Role, { cookie: string }>> = {};
  for (const role of ["admin", "compliance", "viewer"] as const) {
    const email = `${role}@example.com`;
    await createLocalUser(database, { email, role, password: testPassword, actor: "test" }, testPasswordCost);
    cookies[role] = { cookie: await signIn(server.url, email, testPassword) };
  }
  const adminToken = (await createApiTokenFor(database, { name: "ci", role: "admin", expiresAt: null, actor: "test" })).token;
  const viewerToken = (await createApiTokenFor(database, { name: "ro", role: "viewer", expiresAt: null, actor: "test" })).token;
  return {
    database,
    server,
    url: server.url,
    credentials: { admin: cookies.admin!, compliance: cookies.compliance!, viewer: cookies.viewer!, adminToken, viewerToken },
    close: async () => {
      await server.close();
      await database.close();
    },
  };
}

export async function signIn(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get("set-cookie");
  if (!cookie) throw new Error("no session cookie");
  return cookie.split(";")[0]!;
}

export function jsonHeaders(auth: { cookie: string } | string | undefined): Record<string, string> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (typeof auth === "string") headers.authorization = `Bearer ${auth}`;
  else if (auth) headers.cookie = auth.cookie;
  return headers;
}

/** A response body read with its contract schema: the test fails if the API drifts from the contract. */
export async function readBody<S extends z.ZodType>(response: Response, schema: S): Promise<z.output<S>> {
  return schema.parse(await response.json());
}

/** An error answer: checked against the envelope. */
export async function readError(response: Response): Promise<{ code: string; message: string; details?: unknown }> {
  return errorEnvelopeSchema.parse(await response.json()).error;
}

/** `details` of a validation error as field issues. */
export function fieldPaths(details: unknown): string[] {
  return z.array(fieldIssueSchema).parse(details).map((issue) => issue.path);
}
