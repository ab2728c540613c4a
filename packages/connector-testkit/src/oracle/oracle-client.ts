import type { OracleCardNumber, OracleClockChange, OracleFault, OraclePerson, OracleRecord, OracleRetentionClock, OracleStats } from "@lethe/connector-sdk";
import type { z } from "zod";
import { oracleCardNumbersResponse, oraclePeopleResponse, oracleRecordCountsResponse, oracleRecordsResponse, oracleRetentionClocksResponse, oracleStats } from "./oracle-schemas";

/**
 * The sandbox's oracle (docs/connectors.md, "Sandboxes"): it reads the sandbox's store directly, so the
 * suite judges effects ("the subject's notes are gone") rather than what the connector reported.
 */
export interface OracleClient {
  people(): Promise<OraclePerson[]>;
  /** Every record still holding the person's data, in any store (active, soft-deleted, …). */
  records(personId: string): Promise<OracleRecord[]>;
  /** Every payment card number still readable in the store (sandboxes of connectors declaring `cardSweep`). */
  cardNumbers(): Promise<OracleCardNumber[]>;
  /** When each record of the type starts its retention period (sandboxes of connectors declaring `retention`). */
  retentionClocks(recordType: string): Promise<OracleRetentionClock[]>;
  stats(): Promise<OracleStats>;
  /** Record type → records in the vendor's active store (sandboxes of connectors declaring `countRecords`). */
  recordCounts(): Promise<Record<string, number>>;
  injectFault(fault: OracleFault): Promise<void>;
  clearFaults(): Promise<void>;
  moveClock(change: OracleClockChange): Promise<void>;
  /** Restores the seeded world and clears stats and faults. */
  reset(seed?: number): Promise<void>;
}

export function createOracleClient(baseUrl: string): OracleClient {
  const root = baseUrl.replace(/\/+$/, "");

  async function call(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${root}/__sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`The sandbox oracle answered ${response.status} to ${method} /__sandbox${path}: ${text.slice(0, 200)}`);
    }
    if (method !== "GET") return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new Error(`The sandbox oracle answered GET /__sandbox${path} with a body that is not JSON`, { cause: error });
    }
  }

  async function read<T extends z.ZodType>(path: string, schema: T): Promise<z.output<T>> {
    const parsed = schema.safeParse(await call("GET", path));
    if (!parsed.success) {
      throw new Error(`The sandbox oracle's GET /__sandbox${path} does not match its wire shape: ${parsed.error.message}`);
    }
    return parsed.data;
  }

  return {
    people: async () => (await read("/people", oraclePeopleResponse)).people,
    records: async (personId) =>
      (await read(`/people/${encodeURIComponent(personId)}/records`, oracleRecordsResponse)).records,
    cardNumbers: async () => (await read("/card-numbers", oracleCardNumbersResponse)).cardNumbers,
    retentionClocks: async (recordType) =>
      (await read(`/retention-clocks?recordType=${encodeURIComponent(recordType)}`, oracleRetentionClocksResponse)).clocks,
    stats: () => read("/stats", oracleStats),
    recordCounts: async () => (await read("/record-counts", oracleRecordCountsResponse)).counts,
    injectFault: async (fault) => void (await call("POST", "/faults", fault)),
    clearFaults: async () => void (await call("DELETE", "/faults")),
    moveClock: async (change) => void (await call("POST", "/clock", change)),
    reset: async (seed) => void (await call("POST", "/reset", seed === undefined ? {} : { seed })),
  };
}
