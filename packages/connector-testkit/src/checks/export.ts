import { recordKey, type OraclePerson, type RecordRef } from "@lethe/connector-sdk";
import type { ConformanceHarness } from "../harness/conformance-harness";
import { exportRefs, type ExportedItem } from "../harness/operations";
import { Findings } from "./findings";
import { locateEverySubject } from "./subject-records";

/* Group 4: export hands over every located record, in its declared shape, and nothing else. */

interface SubjectExport {
  subject: OraclePerson;
  refs: RecordRef[];
  items: ExportedItem[];
}

async function exportEverySubject(h: ConformanceHarness): Promise<SubjectExport[]> {
  const { locations } = await locateEverySubject(h);
  const exports: SubjectExport[] = [];
  for (const { subject, located } of locations) {
    const refs = located.map((record) => record.ref);
    exports.push({ subject, refs, items: await exportRefs(h, refs) });
  }
  return exports;
}

export async function everyLocatedRefExports(h: ConformanceHarness): Promise<void> {
  const findings = new Findings();
  for (const { subject, refs, items } of await exportEverySubject(h)) {
    const asked = new Set(refs.map(recordKey));
    const exported = new Set(items.map((item) => recordKey(item.ref)));
    for (const key of asked) findings.expect(exported.has(key), () => `subject ${subject.id}: ${key} was located but not exported`);
    for (const key of exported) findings.expect(asked.has(key), () => `subject ${subject.id}: ${key} was exported but never asked for`);
  }
  findings.throwIfAny("export does not hand over exactly the located records");
}

export async function exportedRecordsMatchTheirSchemas(h: ConformanceHarness): Promise<void> {
  const findings = new Findings();
  let records = 0;
  for (const { items } of await exportEverySubject(h)) {
    for (const item of items) {
      if (item.kind !== "record") continue;
      records += 1;
      const schema = h.connector.recordSchemas[item.ref.type];
      if (!schema) {
        findings.add(`${recordKey(item.ref)}: no record schema is declared for type "${item.ref.type}"`);
        continue;
      }
      const parsed = schema.safeParse(item.data);
      findings.expect(parsed.success, () =>
        `${recordKey(item.ref)} does not match its schema: ${parsed.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
    }
  }
  findings.expect(records > 0, () => "no subject exported a single JSON record");
  findings.throwIfAny("exported records do not match the declared record schemas");
}

export async function binariesStreamWithTypeAndSize(h: ConformanceHarness): Promise<void> {
  const findings = new Findings();
  for (const { items } of await exportEverySubject(h)) {
    for (const item of items) {
      if (item.kind !== "binary") continue;
      const key = recordKey(item.ref);
      findings.expect(/^[\w.+-]+\/[\w.+-]+/.test(item.contentType), () => `${key}: content type "${item.contentType}" is not a media type`);
      findings.expect(item.name.trim() !== "" && !/[/\\]/.test(item.name), () => `${key}: file name "${item.name}" is empty or holds a path`);
      findings.expect(item.streamedBytes === item.size, () => `${key}: declared ${item.size} bytes but streamed ${item.streamedBytes}`);
    }
  }
  findings.throwIfAny("exported binaries do not stream as declared");
}

export async function noSecretInExport(h: ConformanceHarness): Promise<void> {
  const secrets = h.secretValues();
  const findings = new Findings();
  for (const { items } of await exportEverySubject(h)) {
    for (const item of items) {
      const text = item.kind === "record" ? JSON.stringify(item.data) : `${item.name} ${item.streamedText}`;
      for (const secret of secrets) {
        findings.expect(!text.includes(secret), () => `${recordKey(item.ref)} carries a credential of the instance`);
      }
    }
  }
  findings.throwIfAny("export leaks secrets");
}
