import type { Command } from "commander";
import { createHoldBodySchema } from "@lethe/contracts";
import { InvalidIdentifierError, normaliseIdentifier, type CountryCode } from "@lethe/core";
import { LegalHoldEndedError, listLegalHolds, type LegalHoldWithCounts } from "@lethe/db";
import { createLegalHold, endHold, LegalHoldNotFoundError } from "@lethe/runtime";
import { readEnvironment } from "../env";
import { openLethe } from "../open-lethe";
import { UsageError } from "../report-failure";

const collect = (value: string, previous: string[]) => [...previous, value];

interface CreateOptions {
  title: string;
  basis: string;
  owner: string;
  email: string[];
  phone: string[];
  record?: string;
  case?: string;
  rule?: boolean;
  connector?: string;
  recordType?: string;
  tag?: string;
  years?: string;
  redactNonEssential?: boolean;
  reviewAt?: string;
  expiresAt?: string;
  json?: boolean;
}

/** `lethe hold create|list|end`: legal holds (issue 4) — what must be kept, and why. */
export function registerHoldCommands(program: Command): void {
  const hold = program.command("hold").description("Legal holds: records kept despite erasure requests, with their basis.");

  hold
    .command("create")
    .requiredOption("--title <title>", "what the hold is, e.g. \"Dispute 7\"")
    .requiredOption("--basis <basis>", "its legal basis, e.g. \"MiFID II Art. 16(7)\"")
    .requiredOption("--owner <owner>", "who answers for it")
    .option("--email <address>", "person hold: an e-mail address of the person (repeatable)", collect, [])
    .option("--phone <number>", "person hold: a phone number of the person (repeatable)", collect, [])
    .option("--record <instanceId/type/id>", "record hold: one record of one connector instance")
    .option("--case <caseId>", "case hold: every record carrying this case or dispute id")
    .option("--rule", "rule hold: a class of records, kept --years from when they happened")
    .option("--connector <connectorId>", "rule hold: only this connector's records")
    .option("--record-type <type>", "rule hold: only records of this type")
    .option("--tag <tag>", "rule hold: only records with this tag")
    .option("--years <n>", "rule hold: years to keep each record from when it happened")
    .option("--redact-non-essential", "keep held records but redact personal data the basis does not need")
    .option("--review-at <iso>", "when to review the hold (ISO 8601)")
    .option("--expires-at <iso>", "when the hold ends by itself (ISO 8601)")
    .option("--json", "print JSON")
    .description("Place a legal hold on a person, a record, a case or a rule. A person's identifiers are stored only as keyed hashes.")
    .action(async (options: CreateOptions) => {
      const env = readEnvironment();
      const body = createHoldBodySchema.safeParse({
        title: options.title,
        basis: options.basis,
        owner: options.owner,
        selector: selectorOf(options),
        redactNonEssential: options.redactNonEssential ?? false,
        ...(options.reviewAt ? { reviewAt: options.reviewAt } : {}),
        ...(options.expiresAt ? { expiresAt: options.expiresAt } : {}),
      });
      if (!body.success) {
        const fields = body.error.issues.map((issue) => `${issue.path.join(".") || "(hold)"}: ${issue.message}`);
        throw new UsageError(`invalid hold — ${fields.join("; ")}`);
      }
      const { selector } = body.data;
      if (selector.scope === "person") {
        for (const identifier of selector.identifiers) {
          try {
            normaliseIdentifier(identifier, { defaultRegion: env.defaultRegion as CountryCode });
          } catch (error) {
            if (error instanceof InvalidIdentifierError) throw new UsageError(error.message);
            throw error;
          }
        }
      }
      if (body.data.expiresAt && new Date(body.data.expiresAt) <= new Date()) throw new UsageError("--expires-at is in the past");
      const lethe = await openLethe(env);
      try {
        const created = await createLegalHold(lethe.database, lethe.secretBox, {
          ...body.data,
          selector,
          reviewAt: body.data.reviewAt ? new Date(body.data.reviewAt) : undefined,
          expiresAt: body.data.expiresAt ? new Date(body.data.expiresAt) : undefined,
          actor: "cli",
          defaultRegion: env.defaultRegion,
        });
        if (options.json) console.log(JSON.stringify(created, null, 2));
        else console.log(`placed ${created.scope} hold ${created.id} "${created.title}" (${created.basis})`);
      } finally {
        await lethe.close();
      }
    });

  hold
    .command("list")
    .option("--json", "print JSON")
    .description("List legal holds, newest first, with the records each keeps and has released.")
    .action(async (options: { json?: boolean }) => {
      const lethe = await openLethe(readEnvironment());
      try {
        const holds = await listLegalHolds(lethe.database.db);
        if (options.json) console.log(JSON.stringify(holds.map(withoutHashes), null, 2));
        else if (holds.length === 0) console.log("no legal holds");
        else for (const row of holds) console.log(formatHold(row));
      } finally {
        await lethe.close();
      }
    });

  hold
    .command("end")
    .argument("<id>", "hold id")
    .requiredOption("--reason <reason>", "why the hold ends")
    .description("End a hold; what it kept is erased by the worker without a new request.")
    .action(async (id: string, options: { reason: string }) => {
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new UsageError(`"${id}" is not a hold id (a UUID)`);
      const reason = options.reason.trim();
      if (reason === "") throw new UsageError("--reason needs text saying why the hold ends");
      const lethe = await openLethe(readEnvironment());
      try {
        const ended = await endHold(lethe.database, { holdId: id, reason, actor: "cli" });
        console.log(`ended hold ${ended.id} "${ended.title}"; ${ended.retainedRecords} record(s) it kept will be erased by the worker`);
      } catch (error) {
        if (error instanceof LegalHoldNotFoundError || error instanceof LegalHoldEndedError) throw new UsageError(error.message);
        throw error;
      } finally {
        await lethe.close();
      }
    });
}

/** The one scope the options name; naming none or several is left to the schema to refuse. */
function selectorOf(options: CreateOptions): unknown {
  const scopes = [
    options.email.length + options.phone.length > 0 ? "person" : null,
    options.record !== undefined ? "record" : null,
    options.case !== undefined ? "case" : null,
    options.rule ? "rule" : null,
  ].filter((scope) => scope !== null);
  if (scopes.length !== 1) {
    throw new UsageError("name exactly one scope: --email/--phone (person), --record, --case or --rule");
  }
  switch (scopes[0]) {
    case "person":
      return {
        scope: "person",
        identifiers: [
          ...options.email.map((value) => ({ kind: "email", value })),
          ...options.phone.map((value) => ({ kind: "phone", value })),
        ],
      };
    case "record": {
      const parts = (options.record ?? "").split("/");
      const [instanceId, recordType, ...rest] = parts;
      if (!instanceId || !recordType || rest.length === 0) throw new UsageError("--record takes <instanceId>/<type>/<id>");
      return { scope: "record", instanceId, recordType, recordId: rest.join("/") };
    }
    case "case":
      return { scope: "case", caseId: options.case };
    default:
      if (options.years === undefined) throw new UsageError("--rule needs --years");
      return {
        scope: "rule",
        retainYears: Number(options.years),
        ...(options.connector ? { connectorId: options.connector } : {}),
        ...(options.recordType ? { recordType: options.recordType } : {}),
        ...(options.tag ? { tag: options.tag } : {}),
      };
  }
}

/** A person hold's hashes are of no use to a reader; show how many identifiers it names. */
function withoutHashes(row: LegalHoldWithCounts): LegalHoldWithCounts {
  if (row.scope !== "person") return row;
  const hashes = (row.selector as { identifierHashes?: unknown[] }).identifierHashes ?? [];
  return { ...row, selector: { identifierCount: hashes.length } };
}

function formatHold(row: LegalHoldWithCounts): string {
  const state = row.endedAt ? `ended ${row.endedAt.toISOString()}` : row.expiresAt && row.expiresAt <= new Date() ? "expired" : "active";
  return `${row.id}  ${row.scope.padEnd(6)}  ${state.padEnd(8)}  kept ${row.retainedRecords}, released ${row.releasedRecords}  "${row.title}" (${row.basis})`;
}
