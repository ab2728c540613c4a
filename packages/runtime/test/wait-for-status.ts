import { getRequest, type Database } from "@lethe/db";
import { pollUntil, type PollOptions } from "./poll";

/**
 * Test support: waits until the request is in `status` (or one of `statuses`) and returns the one
 * it reached. Unlike `waitForRequests`, it also sees statuses that are not final, such as
 * `review`, where a request waits for a person however long one polls.
 */
export async function waitForStatus(
  database: Database,
  requestId: string,
  status: string | readonly string[],
  options?: PollOptions,
): Promise<string> {
  const wanted: readonly string[] = typeof status === "string" ? [status] : status;
  const reached = await pollUntil(
    `request ${requestId} to reach ${wanted.join(" or ")}`,
    async () => (await getRequest(database.db, requestId))?.status ?? "(no such request)",
    { ...options, until: (current) => wanted.includes(current) },
  );
  return reached;
}
