import { z } from "zod";

/** Every id Lethe hands out (requests, instances, users, tokens) is a UUID. */
export const idSchema = z.uuid();

/** Times travel as ISO 8601 strings with an offset (the API always sends UTC, `Z`). */
export const timestampSchema = z.iso.datetime({ offset: true });

/** `:id` in a path. */
export const idParamsSchema = z.object({ id: idSchema }).strict();
export type IdParams = z.infer<typeof idParamsSchema>;

/** Opaque continuation token: pass `nextCursor` of one page as `cursor` to get the next. */
export const cursorSchema = z.string().min(1).max(512);

/** Query-string integers arrive as text. */
export const pageLimitSchema = z.coerce.number().int().min(1).max(200).default(50);

/** The answer to an action that has nothing else to say. */
export const okSchema = z.object({ ok: z.literal(true) }).strict();
export type Ok = z.infer<typeof okSchema>;
