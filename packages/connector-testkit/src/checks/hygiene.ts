import { createSpyLogger, type LogLine } from "../context/spy-logger";
import type { ConformanceHarness } from "../harness/conformance-harness";
import { eraseRefs, exportRefs, locateRecords } from "../harness/operations";
import { isStrong } from "../harness/record-keys";
import { readWorld } from "../harness/world-view";
import { Findings } from "./findings";

/* Group 7: what the connector itself writes to its logger above debug holds no secret or identifier. */

/** Identifier values shorter than this are too common to judge a log line by. */
const minimumIdentifierLength = 4;

export async function logsHoldNoSecretOrIdentifier(h: ConformanceHarness): Promise<void> {
  await h.reset();
  const world = await readWorld(h);
  const logger = createSpyLogger();
  const ctx = () => h.context({ logger });

  await h.connector.check(ctx());
  for (const subject of world.subjects) {
    const located = await locateRecords(h, world.query(subject), ctx());
    if (h.connector.export) await exportRefs(h, located.map((record) => record.ref), ctx());
    const strong = located.filter(isStrong).map((record) => record.ref);
    if (h.connector.erase && strong.length > 0) await eraseRefs(h, strong, ctx());
  }

  const forbidden = [
    ...h.secretValues().map((value) => ({ value, what: "a credential of the instance" })),
    ...world.people.flatMap((person) =>
      person.identifiers
        .filter((identifier) => identifier.value.length >= minimumIdentifierLength)
        .map((identifier) => ({ value: identifier.value, what: `${person.role} ${person.id}'s ${identifier.kind}` })),
    ),
  ].map(({ value, what }) => ({ value: value.toLowerCase(), what }));

  const findings = new Findings();
  for (const line of logger.lines) {
    if (line.level === "debug") continue;
    const text = logText(line).toLowerCase();
    for (const { value, what } of forbidden) {
      findings.expect(!text.includes(value), () => `the ${line.level} line "${line.message.slice(0, 60)}" holds ${what}`);
    }
  }
  findings.throwIfAny("the connector logs secrets or identifiers above debug");
}

/** The message and every string or number in the fields, errors included. */
function logText(line: LogLine): string {
  const parts: string[] = [line.message];
  const seen = new WeakSet<object>();
  const visit = (value: unknown) => {
    if (typeof value === "string" || typeof value === "number" || typeof value === "bigint") parts.push(String(value));
    else if (typeof value === "object" && value !== null && !seen.has(value)) {
      seen.add(value);
      if (value instanceof Error) parts.push(value.message, value.stack ?? "");
      for (const [key, inner] of Object.entries(value)) {
        parts.push(key);
        visit(inner);
      }
    }
  };
  visit(line.fields);
  return parts.join("\n");
}
