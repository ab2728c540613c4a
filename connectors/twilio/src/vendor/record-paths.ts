import type { RecordRef } from "@lethe/connector-sdk";
import { mediaSids } from "../locate/record-refs";
import { isTwilioRecordType, recordSchemas, type TwilioRecordType } from "./records";
import { pathSid } from "./twilio-request";

/** Where one record lives under the account, and the route label of reading or deleting it. */
export interface RecordAddress {
  type: TwilioRecordType;
  /** e.g. `/Calls/CA….json`. */
  path: string;
  /** e.g. `calls`: stats and logs say `calls.show`, `calls.delete`. */
  resource: string;
  schema: (typeof recordSchemas)[TwilioRecordType];
}

/**
 * The instance resource of a ref, at account level where Twilio has one (recordings and
 * transcriptions do, media only under its message). A ref the connector never made is a caller's
 * mistake, not a vendor's: it throws a TypeError.
 */
export function recordAddress(ref: RecordRef): RecordAddress {
  if (!isTwilioRecordType(ref.type)) throw new TypeError(`The Twilio connector has no record type "${ref.type}"`);
  switch (ref.type) {
    case "call":
      return address(ref.type, `/Calls/${pathSid(ref.id)}.json`, "calls");
    case "recording":
      return address(ref.type, `/Recordings/${pathSid(ref.id)}.json`, "recordings");
    case "transcription":
      return address(ref.type, `/Transcriptions/${pathSid(ref.id)}.json`, "transcriptions");
    case "message":
      return address(ref.type, `/Messages/${pathSid(ref.id)}.json`, "messages");
    case "media": {
      const sids = mediaSids(ref.id);
      if (!sids) throw new TypeError(`A Twilio media ref's id is {MessageSid}:{MediaSid}, not "${ref.id}"`);
      return address(ref.type, `/Messages/${pathSid(sids.messageSid)}/Media/${pathSid(sids.mediaSid)}.json`, "messages.media");
    }
  }
}

function address(type: TwilioRecordType, path: string, resource: string): RecordAddress {
  return { type, path, resource, schema: recordSchemas[type] };
}
