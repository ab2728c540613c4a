import type { ApiTokenList } from "@lethe/contracts";
import { listApiTokens } from "@lethe/runtime";
import type { RequestHandler } from "express";
import type { ApiContext } from "../dependencies";
import { toApiToken } from "../views/user-view";

/** `GET /api/v1/tokens`: never the tokens' values (only their hashes are stored). */
export function getApiTokens(context: ApiContext): RequestHandler {
  return async (_request, response) => {
    const body: ApiTokenList = { apiTokens: (await listApiTokens(context.db.db)).map(toApiToken) };
    response.json(body);
  };
}
