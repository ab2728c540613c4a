import { z } from "zod";
import type { SalesforceContext } from "../settings";

/**
 * An interrupted locate: the key (`Type/Id`) of the last record yielded. Records are yielded in
 * key order, so a resumed run repeats the (cheap) queries and skips up to that key: no gap, no
 * repeat, and no identifier in the checkpoint.
 */
const locateCheckpoint = z.object({ version: z.literal(1), after: z.string() });

export async function loadAfterKey(ctx: SalesforceContext): Promise<string | undefined> {
  const saved = await ctx.checkpoint.load();
  if (saved === undefined) return undefined;
  const parsed = locateCheckpoint.safeParse(saved);
  if (parsed.success) return parsed.data.after;
  ctx.log.warn("Ignoring a locate checkpoint in an unknown format; locating from the start");
  return undefined;
}

export async function saveAfterKey(ctx: SalesforceContext, key: string): Promise<void> {
  await ctx.checkpoint.save({ version: 1, after: key });
}
