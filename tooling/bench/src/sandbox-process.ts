import { z } from "zod";
import type { OraclePerson, OracleStats } from "@lethe/connector-sdk";
import { startChildScript } from "./child-script";

const announcementSchema = z.object({
  url: z.string().url(),
  settings: z.record(z.string(), z.unknown()),
  credentials: z.record(z.string(), z.unknown()),
});

const identifierSchema = z.object({
  kind: z.enum(["email", "phone", "name", "customer_id", "sip", "postal_address", "native_id"]),
  value: z.string(),
  system: z.string().optional(),
});
const peopleSchema = z.object({
  people: z.array(
    z.object({
      id: z.string(),
      role: z.enum(["subject", "bystander"]),
      bystanderOf: z.string().optional(),
      identifiers: z.array(identifierSchema),
    }),
  ),
});
const statsSchema = z.object({
  calls: z.record(z.string(), z.number()),
  deletions: z.record(z.string(), z.number()),
  throttled: z.number(),
  unauthorised: z.number(),
});

const callTimesSchema = z.object({ times: z.array(z.number()), dropped: z.number() });

/** The reference sandbox running in a child process, with its oracle. */
export interface SandboxProcess {
  url: string;
  settings: Record<string, unknown>;
  credentials: Record<string, unknown>;
  people(): Promise<OraclePerson[]>;
  stats(): Promise<OracleStats>;
  /** Arrival times (epoch ms) of every vendor call so far, and how many were dropped past its cap. */
  callTimes(): Promise<{ times: number[]; dropped: number }>;
  stop(): Promise<void>;
}

export async function startSandboxProcess(options: {
  seed: number;
  people: number;
  rateLimitPerMinute: number;
}): Promise<SandboxProcess> {
  const child = startChildScript(new URL("./sandbox-server.ts", import.meta.url), [
    "--seed",
    String(options.seed),
    "--people",
    String(options.people),
    "--rate-limit",
    String(options.rateLimitPerMinute),
  ]);
  try {
    const announced = announcementSchema.parse(await child.nextLine());
    const oracle = async (path: string): Promise<unknown> => {
      const response = await fetch(`${announced.url}/__sandbox/${path}`);
      if (!response.ok) throw new Error(`sandbox oracle ${path} answered ${response.status}`);
      return response.json();
    };
    return {
      ...announced,
      people: async () => peopleSchema.parse(await oracle("people")).people,
      stats: async () => statsSchema.parse(await oracle("stats")),
      callTimes: async () => callTimesSchema.parse(await oracle("call-times")),
      stop: () => child.stop(),
    };
  } catch (error) {
    await child.stop();
    throw error;
  }
}
