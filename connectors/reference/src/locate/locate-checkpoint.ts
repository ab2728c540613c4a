import type { JsonValue } from "@lethe/connector-sdk";
import { z } from "zod";
import type { ReferenceContext } from "../settings";

/** Where a person's record walk stands: the next item is item `skip` of the page at `cursor`. */
export const walkPosition = z.object({
  stage: z.enum(["notes", "attachments", "calls", "done"]),
  /** The cursor the page was fetched with; null for a list's first page. */
  cursor: z.string().nullable(),
  skip: z.int().nonnegative(),
});
export type WalkPosition = z.output<typeof walkPosition>;

export const walkStart: Readonly<WalkPosition> = Object.freeze({ stage: "notes", cursor: null, skip: 0 });

/**
 * The state of an interrupted locate, saved after every record it yielded: which people are done,
 * and how far the current one's walk got. The search itself is not saved; it is repeated on
 * resume (a few cheap calls), which keeps identifier values out of the checkpoint.
 */
const locateCheckpoint = z.object({
  version: z.literal(1),
  finished: z.array(z.string()),
  current: walkPosition.extend({ personId: z.string() }).nullable(),
  /** Notes about other people that mention the subject, already yielded (after every person). */
  mentioned: z.array(z.string()).optional(),
});
export type LocateCheckpoint = z.output<typeof locateCheckpoint>;

function fresh(): LocateCheckpoint {
  return { version: 1, finished: [], current: null };
}

export async function loadLocateCheckpoint(ctx: ReferenceContext): Promise<LocateCheckpoint> {
  const saved = await ctx.checkpoint.load();
  if (saved === undefined) return fresh();
  const parsed = locateCheckpoint.safeParse(saved);
  if (parsed.success) return parsed.data;
  // A state this version cannot read (written by another one): starting over may repeat records,
  // which the runtime tolerates, while guessing could skip some, which nobody would notice.
  ctx.log.warn("Ignoring a locate checkpoint in an unknown format; locating from the start");
  return fresh();
}

export async function saveLocateCheckpoint(ctx: ReferenceContext, state: LocateCheckpoint): Promise<void> {
  const json: JsonValue = {
    version: state.version,
    finished: [...state.finished],
    current: state.current && { ...state.current },
    ...(state.mentioned ? { mentioned: [...state.mentioned] } : {}),
  };
  await ctx.checkpoint.save(json);
}
