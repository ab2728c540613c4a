import { inventoryCsv, readDataInventory } from "@lethe/runtime";
import type { RequestHandler } from "express";
import type { ApiContext } from "../dependencies";

/** `GET /api/v1/inventory.csv`: the inventory as a spreadsheet, one row per system and record type. */
export function getInventoryCsv(context: ApiContext): RequestHandler {
  return async (_request, response) => {
    const inventory = await readDataInventory(context.db, context.registry);
    const day = inventory.generatedAt.slice(0, 10);
    response
      .status(200)
      .set({ "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="lethe-data-inventory-${day}.csv"` })
      .send(inventoryCsv(inventory));
  };
}
