import { lockRequest, RequestNotFoundError, type Database } from "@lethe/db";
import { completeVerification } from "./complete-verification";
import { NotVerifyingError } from "./verification-errors";

/**
 * A staff member attests the subject's identity (they checked a document, called back a known
 * number …); the note says how. The request then starts locating.
 */
export async function attestIdentity(
  database: Database,
  input: { requestId: string; note: string; actor: string },
): Promise<void> {
  await database.db.transaction(async (tx) => {
    const request = await lockRequest(tx, input.requestId);
    if (!request) throw new RequestNotFoundError(input.requestId);
    if (request.status !== "verifying") throw new NotVerifyingError(request.id, request.status);
    await completeVerification(tx, { requestId: request.id, method: "attestation", actor: input.actor, note: input.note });
  });
}
