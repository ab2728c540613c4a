import {
  ConfigurationError,
  recordKey,
  type ErasePlan,
  type ErasureReceipt,
  type RecordRef,
} from "@lethe/connector-sdk";
import { z } from "zod";
import { redactMentions } from "./redact-mentions";
import type { ReferenceContext } from "./settings";
import { collectionOf, isReferenceRecordType } from "./vendor/records";
import { callVendor, expectStatus, pathId } from "./vendor/vendor-request";

/** How far an interrupted erase got: refs before `next` have their receipts. */
const eraseCheckpoint = z.object({ version: z.literal(1), next: z.int().positive(), lastKey: z.string() });

/**
 * Hard deletion: `DELETE /api/{collection}/:id` only moves a record to the trash, where its data
 * stays for 30 days (API.md, "Deleting and the trash"), so each record is then purged with
 * `DELETE /api/trash/{collection}/:id`. Both answer 404 for what is not there, which makes a
 * repeated erase safe: a record already trashed is still purged, one already purged is
 * `already-absent`.
 */
export async function* eraseRecords(
  ctx: ReferenceContext,
  refs: RecordRef[],
  plan: ErasePlan,
): AsyncGenerator<ErasureReceipt> {
  if (plan.action === "redact") {
    // Notes about other people that mention the subject (capabilities.mentions).
    yield* redactMentions(ctx, refs, plan);
    return;
  }
  if (plan.action !== "erase") {
    throw new ConfigurationError(
      `The reference connector erases by hard deletion and cannot ${plan.action}; plan "erase" for its records`,
    );
  }
  const start = await resumeIndex(ctx, refs);
  for (const [index, ref] of refs.entries()) {
    if (index < start) continue;
    ctx.signal.throwIfAborted();
    yield await eraseOne(ctx, ref);
    await ctx.checkpoint.save({ version: 1, next: index + 1, lastKey: recordKey(ref) });
  }
}

async function eraseOne(ctx: ReferenceContext, ref: RecordRef): Promise<ErasureReceipt> {
  if (!isReferenceRecordType(ref.type)) {
    throw new TypeError(`The reference connector has no record type "${ref.type}"`);
  }
  const collection = collectionOf[ref.type];
  const id = pathId(ref.id);
  const trashed = await deleteIfPresent(ctx, `/api/${collection}/${id}`, `${collection}.delete`);
  const purged = await deleteIfPresent(ctx, `/api/trash/${collection}/${id}`, "trash.purge");
  if (trashed && purged) return { ref, outcome: "erased", detail: "Deleted, then purged from the trash" };
  if (purged) return { ref, outcome: "erased", detail: "Purged from the trash, where an earlier deletion had put it" };
  if (trashed) return { ref, outcome: "erased", detail: "Deleted; the trash no longer held it when purged" };
  return { ref, outcome: "already-absent", detail: "Neither among active records nor in the trash" };
}

/** true: the vendor deleted something (204); false: nothing was there (404). */
async function deleteIfPresent(ctx: ReferenceContext, path: string, route: string): Promise<boolean> {
  const response = await callVendor(ctx, { method: "DELETE", path, route });
  expectStatus(response, [204, 404], route);
  return response.status === 204;
}

/*
 * Skips the refs an interrupted run already erased, when it was asked about the same refs.
 * Repeating them would be safe (see above) but would turn their `erased` receipts into
 * `already-absent` ones and spend the rate limit.
 */
async function resumeIndex(ctx: ReferenceContext, refs: RecordRef[]): Promise<number> {
  const parsed = eraseCheckpoint.safeParse(await ctx.checkpoint.load());
  if (!parsed.success) return 0;
  const lastDone = refs[parsed.data.next - 1];
  return lastDone && recordKey(lastDone) === parsed.data.lastKey ? parsed.data.next : 0;
}
