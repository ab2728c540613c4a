import type { z } from "zod";
import type { holdListSchema } from "@lethe/contracts";
import { listLegalHolds } from "@lethe/runtime";
import type { RequestHandler } from "express";
import type { ApiContext } from "../dependencies";
import { toHold } from "../views/hold-view";

/** `GET /api/v1/holds` */
export function getHolds(context: ApiContext): RequestHandler {
  return async (_request, response) => {
    const body: z.infer<typeof holdListSchema> = { holds: (await listLegalHolds(context.db.db)).map(toHold) };
    response.json(body);
  };
}
