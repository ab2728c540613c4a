import { ConfigurationError, type ErasePlan, type ErasureReceipt, type RecordRef } from "@lethe/connector-sdk";
import type { TwilioContext } from "../settings";
import { recordAddress } from "../vendor/record-paths";
import type { TwilioRecordType } from "../vendor/records";
import { callTwilio, expectStatus } from "../vendor/twilio-request";
import { refusal } from "./refusal";

/**
 * Children before parents: a transcription before its recording, media before its message, the
 * call log last. Twilio keeps each in a store of its own (deleting a call leaves its recordings),
 * so every ref is deleted on its own; this order only means an interrupted erase never leaves a
 * child whose parent is already gone.
 */
const deletionOrder: readonly TwilioRecordType[] = ["transcription", "recording", "media", "message", "call"];

/**
 * Hard deletion, one `DELETE …/{Sid}.json` per record (204). A 404 is `already-absent`. What
 * Twilio refuses to delete (a call still in progress, a message still being sent: 4xx with its
 * error code) is `retained` with Twilio's code as the reason, never reported erased.
 *
 * Not checkpointed: a repeated erase meets 404s for what it deleted and sends nothing else twice.
 */
export async function* eraseRecords(ctx: TwilioContext, refs: RecordRef[], plan: ErasePlan): AsyncGenerator<ErasureReceipt> {
  if (plan.action !== "erase") {
    throw new ConfigurationError(`The Twilio connector deletes records and cannot ${plan.action} them; plan "erase" for its records`);
  }
  const ordered = [...refs].sort((a, b) => rank(a) - rank(b));
  let retained = 0;
  for (const ref of ordered) {
    ctx.signal.throwIfAborted();
    const target = recordAddress(ref);
    const route = `${target.resource}.delete`;
    const response = await callTwilio(ctx, { method: "DELETE", path: target.path, route });
    if (response.status === 204) {
      yield { ref, outcome: "erased", detail: erasedDetail(target.type) };
      continue;
    }
    if (response.status === 404) {
      yield { ref, outcome: "already-absent", detail: `Twilio no longer holds this ${target.type}` };
      continue;
    }
    const refused = await refusal(response, target.type);
    if (!refused) expectStatus(response, [204, 404], route);
    else {
      retained++;
      yield { ref, outcome: "retained", detail: refused.detail, hold: { basis: refused.basis } };
    }
  }
  if (retained > 0) ctx.log.info("Twilio refused to delete some records; they are retained", { records: retained });
}

function rank(ref: RecordRef): number {
  const index = deletionOrder.indexOf(ref.type as TwilioRecordType);
  return index === -1 ? deletionOrder.length : index;
}

function erasedDetail(type: TwilioRecordType): string {
  if (type === "recording") {
    return "Audio deleted; Twilio keeps the recording's metadata (SID, call SID, duration, no audio) for 40 days marked deleted";
  }
  if (type === "call") return "Call log deleted (numbers, caller name, times)";
  return `${type[0]?.toUpperCase() ?? ""}${type.slice(1)} deleted`;
}
