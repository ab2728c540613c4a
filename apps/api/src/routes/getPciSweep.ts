import { apiRoutes, type PciSweep } from "@lethe/contracts";
import { getPciSweep as readPciSweep } from "@lethe/runtime";
import type { RequestHandler } from "express";
import { ApiError } from "../api-error";
import type { ApiContext } from "../dependencies";
import { parseInput } from "../http/validation";
import { toPciSweep } from "../views/pci-sweep-view";

/** `GET /api/v1/pci-sweeps/:id` */
export function getPciSweep(context: ApiContext): RequestHandler {
  return async (request, response) => {
    const { id } = parseInput("params", apiRoutes.getPciSweep.params, request.params);
    const sweep = await readPciSweep(context.db, id);
    if (!sweep) throw new ApiError(404, "not_found", `no PCI sweep with id ${id}`);
    const body: PciSweep = toPciSweep(sweep);
    response.json(body);
  };
}
