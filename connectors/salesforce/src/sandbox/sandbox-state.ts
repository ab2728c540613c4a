import { ApiAllocation } from "./api-allocation";
import { objectCatalogue } from "./world/object-catalogue";
import type { BulkJob } from "./bulk-job";
import type { OraclePerson, OracleRecord } from "@lethe/connector-sdk";
import { FaultPlan, SandboxClock, SandboxStats, type PersonDeclaration, type SandboxOracle } from "@lethe/sandbox-kit";
import { loadFixture, type SalesforceWorld } from "./world/fixture-world";
import { OrgPeople } from "./world/org-people";
import { IdFactory } from "./world/salesforce-ids";
import { seedWorld, type SeededWorld } from "./world/seed-world";
import { SObjectStore } from "./world/sobject-store";
import type { SoqlRecord } from "./soql/run-soql";

export const apiVersions = ["58.0", "59.0", "60.0", "61.0", "62.0"];
/** Salesforce's default session timeout is two hours (on the sandbox clock). */
export const sessionLifetimeMs = 2 * 3_600_000;
export const defaultDailyAllocation = 100_000;
/**
 * How long a write takes to reach the SOSL index. Salesforce documents no figure (search is
 * "eventually consistent", vendor-apis.md §1.9 trap 7 ⚠); five minutes is chosen: longer than any
 * test runs, so a client that relies on SOSL for fresh records fails visibly.
 */
export const defaultSearchIndexLagMs = 5 * 60_000;

export interface SandboxConfig {
  seed: number;
  extraPeople: number;
  clientId: string;
  clientSecret: string;
  /** The run-as / JWT `sub` user. */
  username: string;
  /** PEM of the certificate key uploaded to the connected app, for JWT bearer. */
  jwtPublicKey: string;
  dailyAllocation: number;
  /** A fixture world loaded instead of the seeded one (its shape checked already). */
  fixture?: SalesforceWorld;
}

export interface Session {
  expiresAt: number;
}

export interface QueryCursor {
  records: SoqlRecord[];
  pageSize: number;
  apiVersion: string;
}

/**
 * Everything one running sandbox holds. As the kit's `SandboxOracle`, `POST /__sandbox/reset`
 * resets the clock, faults and stats, then `reseed` puts the rest back to a freshly seeded world.
 */
export class SandboxState implements SandboxOracle {
  readonly clock = new SandboxClock();
  readonly faults = new FaultPlan();
  readonly stats = new SandboxStats();
  readonly allocation: ApiAllocation;
  readonly sessions = new Map<string, Session>();
  readonly cursors = new Map<string, QueryCursor>();
  readonly jobs = new Map<string, BulkJob>();
  /** Whether the integration user holds "Bulk API Hard Delete" (off by default in Salesforce). */
  hardDeletePermission = true;
  /** How long an uploaded Bulk job takes to process, on the sandbox clock. */
  bulkProcessingMs = 0;
  /** Settable through `POST /__sandbox/search {indexLagMs}`. */
  searchIndexLagMs = defaultSearchIndexLagMs;
  /** Ids of records clients create; their own pod, so they never meet a seeded id. */
  readonly createdIds = new IdFactory("5g900");
  private seeded: { world: SeededWorld; store: SObjectStore; people: OrgPeople };
  private serial = 0;

  constructor(readonly config: SandboxConfig) {
    this.allocation = new ApiAllocation(config.dailyAllocation);
    this.seeded = this.seed(config.seed);
    this.loadFixture();
  }

  get world(): SeededWorld {
    return this.seeded.world;
  }

  get store(): SObjectStore {
    return this.seeded.store;
  }

  /** Who the org's people are: seeded, declared, or of records created through the API. */
  get orgPeople(): OrgPeople {
    return this.seeded.people;
  }

  /** Unique within the sandbox's life: locators, tokens and job ids never repeat after a reset. */
  nextSerial(): number {
    return ++this.serial;
  }

  get startSeed(): number {
    return this.config.seed;
  }

  people(): OraclePerson[] {
    return this.orgPeople.people();
  }

  declarePerson(declaration: PersonDeclaration): OraclePerson {
    return this.orgPeople.declare(declaration);
  }

  /** Rows per object that `SELECT COUNT() FROM <object>` counts: not in the Recycle Bin, not archived. */
  recordCounts(): Record<string, number> {
    return Object.fromEntries(
      objectCatalogue.map((object) => [object.name, this.store.rowsOf(object).filter((row) => row.deletedAt === null && row.fields.IsArchived !== true).length]),
    );
  }

  recordsHolding(personId: string): OracleRecord[] {
    return this.store.recordsHolding(personId);
  }

  /** The Recycle Bin's 15 days run out as the clock moves. */
  afterClockMove(now: Date): void {
    this.store.expireRecycleBin(now);
  }

  reseed(seed: number): void {
    this.seeded = this.seed(seed);
    this.loadFixture();
    this.allocation.max = this.config.dailyAllocation;
    this.allocation.clear();
    this.cursors.clear();
    this.jobs.clear();
    this.hardDeletePermission = true;
    this.bulkProcessingMs = 0;
    this.searchIndexLagMs = defaultSearchIndexLagMs;
  }

  /** A fixture world starts from an empty org: only the file's people and records. */
  private seed(seed: number): { world: SeededWorld; store: SObjectStore; people: OrgPeople } {
    const world = this.config.fixture ? { seed, rows: [], oraclePeople: [] } : seedWorld({ seed, extraPeople: this.config.extraPeople, now: this.clock.now() });
    return { world, store: new SObjectStore(world.rows.map((row) => ({ ...row, fields: { ...row.fields } }))), people: new OrgPeople(world.oraclePeople) };
  }

  /** The fixture's records are created through the API's own code (fixture-world.ts). */
  private loadFixture(): void {
    if (this.config.fixture) loadFixture(this, this.config.fixture);
  }
}
