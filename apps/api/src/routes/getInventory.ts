import type { DataInventoryView } from "@lethe/contracts";
import { readDataInventory } from "@lethe/runtime";
import type { RequestHandler } from "express";
import type { ApiContext } from "../dependencies";

/** `GET /api/v1/inventory`: every connector instance's record types as declared, with the latest counts. */
export function getInventory(context: ApiContext): RequestHandler {
  return async (_request, response) => {
    const body: DataInventoryView = await readDataInventory(context.db, context.registry);
    response.json(body);
  };
}
