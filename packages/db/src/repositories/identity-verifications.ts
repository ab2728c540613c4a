import { and, eq } from "drizzle-orm";
import { identityVerifications, subjectIdentifiers } from "../schema";
import type { Executor } from "./executor";

export type IdentityVerificationRow = typeof identityVerifications.$inferSelect;

export async function getIdentityVerification(tx: Executor, requestId: string): Promise<IdentityVerificationRow | null> {
  const [row] = await tx.select().from(identityVerifications).where(eq(identityVerifications.requestId, requestId));
  return row ?? null;
}

/** The same, holding the row lock until the transaction ends (attempts are counted under it). */
export async function lockIdentityVerification(tx: Executor, requestId: string): Promise<IdentityVerificationRow | null> {
  const [row] = await tx
    .select()
    .from(identityVerifications)
    .where(eq(identityVerifications.requestId, requestId))
    .for("update");
  return row ?? null;
}

/**
 * Starts (or restarts) an e-mail code verification: a fresh code hash, expiry and zero attempts.
 * One row per request; a new code replaces the old one, so only the latest code works.
 */
export async function saveVerificationCode(
  tx: Executor,
  input: { requestId: string; codeHash: string; sentAt: Date; expiresAt: Date },
): Promise<void> {
  const values = {
    method: "email_code",
    status: "pending",
    codeHash: input.codeHash,
    attempts: 0,
    sentAt: input.sentAt,
    expiresAt: input.expiresAt,
  };
  await tx
    .insert(identityVerifications)
    .values({ requestId: input.requestId, ...values })
    .onConflictDoUpdate({ target: identityVerifications.requestId, set: values });
}

/** Counts one wrong code; the status becomes `failed` when `failed` is true. */
export async function recordWrongCode(
  tx: Executor,
  input: { requestId: string; attempts: number; failed: boolean },
): Promise<void> {
  await tx
    .update(identityVerifications)
    .set({ attempts: input.attempts, ...(input.failed ? { status: "failed", codeHash: null } : {}) })
    .where(eq(identityVerifications.requestId, input.requestId));
}

/**
 * Marks the subject verified by `method`. The code hash is dropped: it has done its work and a
 * verified request never takes another code.
 */
export async function recordIdentityVerified(
  tx: Executor,
  input: { requestId: string; method: "attestation" | "email_code"; verifiedBy: string; verifiedAt: Date; note?: string },
): Promise<void> {
  const values = {
    method: input.method,
    status: "verified",
    codeHash: null,
    verifiedBy: input.verifiedBy,
    verifiedAt: input.verifiedAt,
    note: input.note ?? null,
  };
  await tx
    .insert(identityVerifications)
    .values({ requestId: input.requestId, ...values })
    .onConflictDoUpdate({ target: identityVerifications.requestId, set: values });
}

/**
 * The request's given e-mail addresses become `verified` (with the strength core gives that
 * provenance). Only `given` rows change: a discovered address stays discovered.
 */
export async function markGivenEmailsVerified(
  tx: Executor,
  input: { requestId: string; strength: string; value?: string },
): Promise<number> {
  const rows = await tx
    .update(subjectIdentifiers)
    .set({ provenance: "verified", strength: input.strength })
    .where(
      and(
        eq(subjectIdentifiers.requestId, input.requestId),
        eq(subjectIdentifiers.kind, "email"),
        eq(subjectIdentifiers.provenance, "given"),
        ...(input.value === undefined ? [] : [eq(subjectIdentifiers.value, input.value)]),
      ),
    )
    .returning({ id: subjectIdentifiers.id });
  return rows.length;
}
