import type { RequestDetail } from "@lethe/contracts";
import { getRequestDetailView } from "@lethe/runtime";
import { ApiError } from "../api-error";
import type { ApiContext } from "../dependencies";
import { toRequestDetail } from "./request-view";

/** A request as `GET /requests/:id` answers it, read in one statement; 404 when there is none. */
export async function loadRequestDetail(context: ApiContext, id: string): Promise<RequestDetail> {
  const view = await getRequestDetailView(context.db, id);
  if (!view) throw new ApiError(404, "not_found", `no request with id ${id}`);
  return toRequestDetail(view.detail, view.extensions, new Date(), view.verification);
}
