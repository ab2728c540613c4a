import { z } from "zod";

/**
 * A hold's `selector` as stored in `legal_holds.selector` (the scope is its own column). Person
 * holds keep only keyed hashes of the person's identifiers (`identifierHash`), never plaintext.
 */
export const storedSelectorSchemas = {
  person: z.object({ identifierHashes: z.array(z.string().min(1)).min(1) }),
  record: z.object({ instanceId: z.string(), recordType: z.string(), recordId: z.string() }),
  case: z.object({ caseId: z.string().min(1) }),
  rule: z.object({
    connectorId: z.string().optional(),
    recordType: z.string().optional(),
    tag: z.string().optional(),
    retainYears: z.number().int().positive(),
    from: z.literal("occurredAt"),
  }),
} as const;

export type StoredSelector = {
  [Scope in keyof typeof storedSelectorSchemas]: { scope: Scope } & z.infer<(typeof storedSelectorSchemas)[Scope]>;
}[keyof typeof storedSelectorSchemas];

/** A stored hold the engine cannot read: matching it would be a guess either way, so it stops. */
export class UnreadableHoldError extends Error {
  constructor(readonly holdId: string) {
    super(`legal hold ${holdId} has a selector this version of Lethe cannot read`);
    this.name = "UnreadableHoldError";
  }
}

export function readStoredSelector(hold: { id: string; scope: string; selector: unknown }): StoredSelector {
  const scope = hold.scope;
  if (!(scope in storedSelectorSchemas)) throw new UnreadableHoldError(hold.id);
  const parsed = storedSelectorSchemas[scope as keyof typeof storedSelectorSchemas].safeParse(hold.selector);
  if (!parsed.success) throw new UnreadableHoldError(hold.id);
  return { scope, ...parsed.data } as StoredSelector;
}
