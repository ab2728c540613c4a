/** What the sandbox stores, in Twilio's own field names (the JSON the API serves is built from these). */

export interface StoredCall {
  sid: string;
  to: string;
  from: string;
  callerName: string | null;
  direction: "inbound" | "outbound-api" | "outbound-dial";
  status: "completed" | "in-progress";
  startTime: Date;
  durationSeconds: number;
  /** The oracle person whose leg this is (undefined: nobody of the world, e.g. a company line). */
  owner: string;
}

export interface StoredRecording {
  sid: string;
  callSid: string;
  startTime: Date;
  durationSeconds: number;
  /** Set once deleted: Twilio keeps the metadata 40 days, without the media. */
  deletedAt: Date | null;
  owner: string;
}

export interface StoredTranscription {
  sid: string;
  recordingSid: string;
  text: string;
  created: Date;
  owner: string;
}

export interface StoredMessage {
  sid: string;
  to: string;
  from: string;
  body: string;
  direction: "inbound" | "outbound-api";
  sent: Date;
  /** Media sids this message was sent with (kept in numMedia even once some are deleted, as Twilio does). */
  numMedia: number;
  owner: string;
}

export interface StoredMedia {
  sid: string;
  messageSid: string;
  contentType: string;
  created: Date;
  owner: string;
}
