import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "../api-error";
import { startApiServer, type RunningApiServer } from "../server";
import { errorEnvelope, routeNotFound, type UnexpectedErrorReporter } from "./error-envelope";

let server: RunningApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(reporter: UnexpectedErrorReporter): Promise<string> {
  const app = express();
  app.use(express.json());
  app.get("/known", () => {
    throw new ApiError(409, "invalid_transition", "the request is already closed", { status: "completed" });
  });
  app.get("/async-failure", async () => {
    await Promise.resolve();
    throw new Error("relation \"requests\" does not exist at 10.0.0.5:5432");
  });
  app.post("/echo", (request, response) => {
    response.json(request.body);
  });
  app.use(routeNotFound);
  app.use(errorEnvelope(reporter));
  server = await startApiServer({ app, port: 0 });
  return server.url;
}

describe("error envelope", () => {
  it("answers unknown routes with 404 not_found in the envelope", async () => {
    const url = await serve(() => undefined);
    const response = await fetch(`${url}/api/v1/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: "not_found", message: "no route GET /api/v1/nothing-here" },
    });
  });

  it("passes an ApiError's status, code, message and details through", async () => {
    const url = await serve(() => undefined);
    const response = await fetch(`${url}/known`);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: { code: "invalid_transition", message: "the request is already closed", details: { status: "completed" } },
    });
  });

  it("hides an unexpected error's message from the client and reports it to the server", async () => {
    const reported: Array<{ error: unknown; route: string }> = [];
    const url = await serve((error, request) => reported.push({ error, route: request.route }));
    const response = await fetch(`${url}/async-failure`);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: "internal_error", message: "the server failed to handle the request" },
    });
    expect(text).not.toContain("10.0.0.5");
    expect(reported).toHaveLength(1);
    expect(reported[0]?.route).toBe("/async-failure");
  });

  it("answers a malformed JSON body with 400 invalid_json", async () => {
    const url = await serve(() => undefined);
    const response = await fetch(`${url}/echo`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: "invalid_json", message: "the request body is not valid JSON" } });
  });
});
