import { apiRoutes, type PciSweep } from "@lethe/contracts";
import { PciSweepNotSupportedError, startPciSweep } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import { callerOf } from "../auth/principal";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { toPciSweep } from "../views/pci-sweep-view";

/** `POST /api/v1/connector-instances/:id/pci-sweeps`: queues a sweep; poll `GET /pci-sweeps/:id`. */
export function postPciSweep(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const caller = callerOf(response);
    const { id } = parseInput("params", apiRoutes.postPciSweep.params, request.params);
    const { interval } = parseInput("body", apiRoutes.postPciSweep.body, request.body);
    try {
      const sweep = await startPciSweep(context.db, context.registry, { instanceId: id, actor: caller.actor, ...(interval ? { interval } : {}) });
      const body: PciSweep = toPciSweep(sweep);
      response.status(201).json(body);
    } catch (error) {
      if (error instanceof PciSweepNotSupportedError) throw new ApiError(404, "not_found", "no connector instance with that id whose connector can sweep for card numbers");
      throw error;
    }
  };
}
