import type { RequestDetail } from "@lethe/contracts";
import { getIdentityVerification, getRequestDetail, listDeadlineExtensions } from "@lethe/runtime";
import { ApiError } from "../api-error";
import type { ApiContext } from "../dependencies";
import { toRequestDetail } from "./request-view";

/** A request as `GET /requests/:id` answers it; 404 when there is none. */
export async function loadRequestDetail(context: ApiContext, id: string): Promise<RequestDetail> {
  const detail = await getRequestDetail(context.db, id);
  if (!detail) throw new ApiError(404, "not_found", `no request with id ${id}`);
  const [extensions, verification] = await Promise.all([
    listDeadlineExtensions(context.db.db, id),
    getIdentityVerification(context.db.db, id),
  ]);
  return toRequestDetail(detail, extensions, new Date(), verification);
}
