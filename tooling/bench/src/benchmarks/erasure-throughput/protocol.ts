import { z } from "zod";

/** What the parent hands each measured child (as a JSON file): the same subjects for both. */
export const runInputSchema = z.object({
  sandbox: z.object({
    url: z.string().url(),
    settings: z.record(z.string(), z.unknown()),
    credentials: z.object({ apiToken: z.string() }).loose(),
  }),
  subjects: z.array(z.object({ email: z.string(), phone: z.string() })).min(1),
  concurrency: z.int().positive(),
  /** Random vendor faults to inject before filing (`POST /__sandbox/faults/random`); engine side only. */
  faults: z.object({ rate: z.number().min(0).max(1), seed: z.int() }).optional(),
});
export type RunInput = z.infer<typeof runInputSchema>;

/** The one JSON line each child prints when done. */
export const runResultSchema = z.object({
  requests: z.int(),
  /** Requests that ended `completed` (the engine) or whose every call succeeded (the baseline). */
  completed: z.int(),
  /** Final statuses and their counts, for a run where not everything completed. */
  outcomes: z.record(z.string(), z.int()),
  wallMs: z.number(),
  cpuMs: z.number(),
  peakRssBytes: z.number(),
  /** Faults the sandbox injected, when the run asked for them. */
  faultsInjected: z.int().optional(),
});
export type RunResult = z.infer<typeof runResultSchema>;
