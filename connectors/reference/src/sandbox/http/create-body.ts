import { z } from "zod";
import type { FieldError } from "./vendor-error";

/*
 * The bodies of Reference CRM's create calls (API.md, "Create records"), with the same rules as
 * `PATCH`: values are checked, never repaired (a phone must already be E.164), an e-mail is only
 * lower-cased, and every bad field is reported with a reason that does not repeat the value.
 */

const e164 = /^\+[1-9]\d{1,14}$/;
const emailAddress = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const timestamp = z.iso.datetime({ offset: true, message: "must be an ISO 8601 timestamp" });

export const newPersonBody = z.strictObject({
  name: z.string({ message: "must be a string" }).trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  email: z.string({ message: "must be a string" }).regex(emailAddress, "must be an e-mail address").transform((email) => email.toLowerCase()),
  phone: z.string({ message: "must be a string" }).regex(e164, "must be an E.164 phone number, e.g. +12015550142"),
});

export const newNoteBody = z.strictObject({
  body: z.string({ message: "must be a string" }).min(1, "must not be empty").max(20_000, "must be at most 20000 characters"),
});

export const newAttachmentBody = z.strictObject({
  fileName: z.string({ message: "must be a string" }).trim().min(1, "must not be empty").max(255, "must be at most 255 characters"),
  contentType: z.string({ message: "must be a string" }).regex(/^[\w.+-]+\/[\w.+-]+$/, "must be a media type, e.g. application/pdf"),
  content: z.base64({ message: "must be the file's bytes in base64" }).max(1_400_000, "must be at most 1 MB of bytes"),
});

export const newCallBody = z.strictObject({
  direction: z.enum(["inbound", "outbound"], { message: "must be inbound or outbound" }),
  durationSeconds: z.int({ message: "must be a whole number" }).nonnegative("must not be negative"),
  summary: z.string({ message: "must be a string" }).max(20_000, "must be at most 20000 characters").default(""),
  tags: z.array(z.string({ message: "must be strings" }).min(1, "must not be empty"), { message: "must be a list of strings" }).default([]),
  caseId: z.string({ message: "must be a string" }).min(1, "must not be empty").nullable().default(null),
  occurredAt: timestamp,
});

/** A body read with one of the schemas above, or the fields it got wrong. */
export function readCreate<T extends z.ZodType>(schema: T, body: unknown): { value: z.output<T> } | { errors: FieldError[] } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { errors: [{ field: "(body)", message: "must be a JSON object" }] };
  const parsed = schema.safeParse(body);
  if (parsed.success) return { value: parsed.data };
  const errors: FieldError[] = parsed.error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") return issue.keys.map((field) => ({ field, message: "is not a field that can be set" }));
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "(body)";
    const message = issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message;
    return [{ field, message }];
  });
  return { errors };
}
