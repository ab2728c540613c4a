import type { InventoryRecordType, InventoryScan } from "@lethe/contracts";

/*
 * How the Inventory screen words what the API answers: pure, so it is tested without a browser.
 */

const basisNames: Record<NonNullable<InventoryRecordType["lawfulBasis"]>, string> = {
  consent: "Consent (Art. 6(1)(a))",
  contract: "Contract (Art. 6(1)(b))",
  "legal-obligation": "Legal obligation (Art. 6(1)(c))",
  "vital-interests": "Vital interests (Art. 6(1)(d))",
  "public-task": "Public task (Art. 6(1)(e))",
  "legitimate-interests": "Legitimate interests (Art. 6(1)(f))",
};

export function basisText(type: InventoryRecordType): string {
  if (!type.lawfulBasis) return "not declared";
  return type.basisNote ? `${basisNames[type.lawfulBasis]}: ${type.basisNote}` : basisNames[type.lawfulBasis];
}

export function categoriesText(type: InventoryRecordType): string {
  return type.categories.length > 0 ? type.categories.map((category) => category.replaceAll("_", " ")).join(", ") : "not declared";
}

export function fieldsText(type: InventoryRecordType): string {
  return Object.keys(type.fields).join(", ") || "—";
}

/** "1,204", "about 120,000" for an estimate, "not countable" or "not counted yet". */
export function countText(type: InventoryRecordType): string {
  if (type.count) return `${type.count.exact ? "" : "about "}${type.count.value.toLocaleString("en-GB")}`;
  return type.countable ? "not counted yet" : "not countable";
}

export function retentionText(type: InventoryRecordType): string {
  return type.retention?.inWords ?? "not declared";
}

/** The scan's progress in one sentence for the status line. */
export function scanProgressText(scan: InventoryScan): string {
  const { instances, finished, failed } = scan.progress;
  const failures = failed > 0 ? `, ${failed} failed` : "";
  if (scan.status === "running") return `Scanning: ${finished} of ${instances} systems counted${failures}.`;
  return `Scan finished: ${instances} system${instances === 1 ? "" : "s"}${failures}.`;
}
