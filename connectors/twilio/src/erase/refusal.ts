import type { HttpResponse } from "@lethe/connector-sdk";
import type { TwilioRecordType } from "../vendor/records";
import { errorEnvelope } from "../vendor/records";

/** Statuses with which Twilio refuses an operation on a record it holds (its error envelope says why). */
const refusalStatuses = new Set([400, 409, 422]);

/**
 * Twilio's refusal to delete a record it still holds — a call in progress, a message not yet
 * finished (Twilio's error 20009, "Cannot delete this resource before it is complete") — read
 * from its error envelope: the code and documentation link are the reason the
 * record is retained. Twilio's message text is left out: it may quote the record. Undefined when
 * the answer is no such refusal.
 */
export async function refusal(response: HttpResponse, type: TwilioRecordType): Promise<{ basis: string; detail: string } | undefined> {
  if (!refusalStatuses.has(response.status)) return undefined;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return undefined;
  }
  const envelope = errorEnvelope.safeParse(body);
  if (!envelope.success) return undefined;
  const { code, more_info: moreInfo } = envelope.data;
  const basis = `Twilio refuses to delete this ${type} (error ${code}${moreInfo ? `, ${moreInfo}` : ""})`;
  return { basis, detail: `${basis}; it is retained until Twilio allows the deletion` };
}
