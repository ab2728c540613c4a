import { apiRoutes, type ConnectionTestResult } from "@lethe/contracts";
import { testConnectorInstance } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { toConnectionTestResult } from "../views/connector-view";
import { runtimeDependenciesOf } from "../views/runtime-dependencies";

/** `POST /api/v1/connector-instances/:id/test`: a failing connection is 200 with `ok: false` and the reason. */
export function postConnectorInstanceTest(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const { id } = parseInput("params", apiRoutes.postConnectorInstanceTest.params, request.params);
    const result = await testConnectorInstance(runtimeDependenciesOf(context), id, caller.actor);
    const body: ConnectionTestResult = toConnectionTestResult(result);
    response.json(body);
  };
}
