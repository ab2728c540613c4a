import { z } from "zod";
import { statementKinds } from "./statement-kinds";

const kindCounts = z.object(Object.fromEntries(statementKinds.map((kind) => [kind, z.int()])) as Record<(typeof statementKinds)[number], z.ZodInt>);

/** The one JSON line the child prints: PostgreSQL's counts over the measured section. */
export const statementsResultSchema = z.object({
  requests: z.int(),
  completed: z.int(),
  outcomes: z.record(z.string(), z.int()),
  commits: z.int(),
  /** Our statements (runtime, db, connectors, queueing jobs) by kind. */
  lethe: kindCounts,
  /** graphile-worker's own job fetching, completion and polling, by kind. */
  graphileWorker: kindCounts,
  /** The most frequent statements, normalised by PostgreSQL (constants as $n), with their calls. */
  top: z.array(z.object({ query: z.string(), calls: z.int(), source: z.string() })),
});
export type StatementsResult = z.infer<typeof statementsResultSchema>;
