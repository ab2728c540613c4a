import { z } from "zod";

/** The rights Lethe carries out (GDPR Art. 15, 20, 17, 16, 18; CCPA know/delete). */
export const requestTypes = ["access", "portability", "erasure", "rectification", "restriction"] as const;
export type RequestType = (typeof requestTypes)[number];
export const requestTypeSchema = z.enum(requestTypes);

/** The law a request is made under; it fixes the deadline rules. */
export const regimes = ["gdpr", "ccpa"] as const;
export type Regime = (typeof regimes)[number];
export const regimeSchema = z.enum(regimes);

/** Every status a request can be in. The allowed moves between them are in `./lifecycle`. */
export const requestStatuses = [
  "received",
  "verifying",
  "verified",
  "locating",
  "review",
  "executing",
  "completed",
  "partially_completed",
  "rejected",
  "cancelled",
  "paused",
] as const;
export type RequestStatus = (typeof requestStatuses)[number];
export const requestStatusSchema = z.enum(requestStatuses);
