import { z } from "zod";

/** The only environment the bench reads: where PostgreSQL is, if not embedded. */
const environmentSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
});

export const benchEnvironment = environmentSchema.parse({ DATABASE_URL: process.env.DATABASE_URL || undefined });
