import { processingFor } from "@lethe/connector-sdk";
import type { BundleFile, BundleManifest, BundleSystem } from "./bundle-manifest";
import { manifestEntryName } from "./bundle-manifest";
import { consentEvidenceSection, type ConsentEvidenceItem } from "./consent-evidence-file";

/** What the index says about a system beyond the manifest: the connector's own words. */
export interface IndexSystemDetails {
  title?: string;
  dataCategories?: Record<string, string[]>;
}

/**
 * `index.html`: the bundle explained to the person it is about — what each system holds on them,
 * what each file is, why the data is processed, who receives it, how long it is kept and where it
 * came from (GDPR Art. 15(1)), and what was left out and why. Every value that came from a connector,
 * an admin or the vendor is escaped: vendor data is attacker-controlled. Self-contained (no script,
 * no remote resource) and forbidden to load any by its own Content-Security-Policy.
 */
export function renderBundleIndex(
  manifest: Omit<BundleManifest, "files">,
  files: readonly BundleFile[],
  details: ReadonlyMap<string, IndexSystemDetails>,
  consentEvidence: readonly ConsentEvidenceItem[] = [],
): string {
  const anchors = new Map(manifest.systems.map((system, index) => [system.instanceId, `system-${index + 1}`]));
  const anchor = (system: BundleSystem) => anchors.get(system.instanceId) ?? "systems";
  const systems = manifest.systems.map((system) =>
    systemSection(system, anchor(system), files, details.get(system.instanceId) ?? {}),
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Your personal data — request ${text(manifest.request.id)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}code{word-break:break-all}</style>
</head>
<body>
<h1>Your personal data</h1>
<p>This bundle answers your ${text(manifest.request.type)} request <code>${text(manifest.request.id)}</code>
(received ${text(manifest.request.receivedAt)}, under ${text(manifest.request.regime.toUpperCase())}). It was put together on
${text(manifest.generatedAt)} from ${manifest.systems.length} system${manifest.systems.length === 1 ? "" : "s"}.</p>
<section id="summary">
<h2>Summary</h2>
${summaryTable(manifest.systems, anchor)}
</section>
<section id="systems">
<h2>Systems</h2>
${systems.join("\n")}
</section>
${consentEvidenceSection(consentEvidence, text)}
<section id="about-this-bundle">
<h2>About this bundle</h2>
<p>Each system has a folder. Records are given twice: as JSON (the faithful, machine-readable copy,
for moving your data to another service) and as CSV (for a spreadsheet). Files such as recordings
and attachments are given as they are.</p>
<p>${text(manifest.csvConventions)}</p>
<p><code>${text(manifestEntryName)}</code> lists every file with its size and SHA-256 checksum, so you can
check that the bundle is complete and unchanged.</p>
<p>Where a record is shared with other people (a conversation you were copied in on, a comment that
mentions you), only the parts that are yours or concern you are given: other people's contributions
and their metadata are left out to protect their rights (GDPR Art. 15(4)). Payment card numbers are
shown with no more than their first six and last four digits, and internal system addresses are
left out.</p>
</section>
</body>
</html>
`;
}

function summaryTable(systems: readonly BundleSystem[], anchor: (system: BundleSystem) => string): string {
  if (systems.length === 0) return "<p>No system holds data on you.</p>";
  const rows = systems.map((system) => {
    const records = Object.values(system.records).reduce((sum, n) => sum + n, 0);
    return `<tr><td><a href="#${anchor(system)}">${text(system.instanceName)}</a></td><td>${records}</td><td>${system.files}</td></tr>`;
  });
  return `<table>
<thead><tr><th>System</th><th>Records</th><th>Files</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
}

function systemSection(system: BundleSystem, id: string, files: readonly BundleFile[], details: IndexSystemDetails): string {
  const own = files.filter((file) => file.instanceId === system.instanceId);
  const recordTypes = Object.keys(system.records);
  return `<section id="${id}" class="system">
<h3>${text(system.instanceName)}</h3>
<p>${text(details.title ?? system.connector.id)} (connector ${text(system.connector.id)} ${text(system.connector.version)}), folder <code>${text(system.directory)}</code>.</p>
${recordTypeTable(system, recordTypes, details)}
${processingSection(system, recordTypes)}
${withheldSection(system)}
<h4>Files</h4>
${fileTable(own)}
</section>`;
}

function recordTypeTable(system: BundleSystem, recordTypes: readonly string[], details: IndexSystemDetails): string {
  if (recordTypes.length === 0) return "<p>This system holds no records on you.</p>";
  const rows = recordTypes.map((type) => {
    const categories = details.dataCategories?.[type]?.map((category) => category.replaceAll("_", " ")) ?? [];
    return `<tr><td>${text(type)}</td><td>${system.records[type] ?? 0}</td><td>${text(categories.join(", ") || "—")}</td></tr>`;
  });
  return `<table>
<thead><tr><th>Kind of record</th><th>Records</th><th>Categories of personal data</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
}

function processingSection(system: BundleSystem, recordTypes: readonly string[]): string {
  const declaration = system.processing;
  if (!declaration) {
    return `<h4>Purposes, recipients, retention and source</h4>
<p>The connector for this system does not declare them; ask us and we will tell you.</p>`;
  }
  const overridden = recordTypes.filter((type) => declaration.recordTypes?.[type] !== undefined);
  const general = processingList(declaration);
  const specific = overridden.map(
    (type) => `<h5>${text(type)}</h5>\n${processingList(processingFor(declaration, type))}`,
  );
  return `<h4>Purposes, recipients, retention and source</h4>
${general}
${specific.join("\n")}`;
}

function processingList(information: { purposes: string[]; recipients: string[]; retention: string; source: string }): string {
  return `<dl>
<dt>Why we process it</dt><dd>${list(information.purposes)}</dd>
<dt>Who receives it</dt><dd>${list(information.recipients)}</dd>
<dt>How long it is kept</dt><dd>${text(information.retention)}</dd>
<dt>Where it came from</dt><dd>${text(information.source)}</dd>
</dl>`;
}

function withheldSection(system: BundleSystem): string {
  const withheld = system.withheld;
  if (!withheld) return "";
  const lines: string[] = [];
  if (withheld.otherPeoplesParts > 0) {
    lines.push(
      `${withheld.otherPeoplesParts} part${withheld.otherPeoplesParts === 1 ? "" : "s"} of shared records left out: other people's contributions or their metadata (GDPR Art. 15(4)).`,
    );
  }
  if (withheld.internalFields > 0) {
    lines.push(`${withheld.internalFields} internal field${withheld.internalFields === 1 ? "" : "s"} left out (addresses of the vendor's system).`);
  }
  if (withheld.cardNumbersMasked > 0) {
    lines.push(
      `${withheld.cardNumbersMasked} payment card number${withheld.cardNumbersMasked === 1 ? "" : "s"} masked to the first six and last four digits at most.`,
    );
  }
  if (lines.length === 0) return "";
  return `<h4>Left out or masked</h4>\n<ul>\n${lines.map((line) => `<li>${text(line)}</li>`).join("\n")}\n</ul>`;
}

function fileTable(files: readonly BundleFile[]): string {
  if (files.length === 0) return "<p>No files.</p>";
  const rows = files.map(
    (file) =>
      `<tr><td><a href="${attribute(hrefOf(file.path))}">${text(file.path)}</a></td><td>${text(whatFileIs(file))}</td><td>${file.size}</td></tr>`,
  );
  return `<table>
<thead><tr><th>File</th><th>What it is</th><th>Bytes</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
}

function whatFileIs(file: BundleFile): string {
  switch (file.kind) {
    case "records-json":
      return `Your ${file.recordType ?? ""} records, machine-readable (JSON)`;
    case "records-csv":
      return `Your ${file.recordType ?? ""} records as a spreadsheet (CSV)`;
    case "binary":
      return `A file (${file.contentType}) of ${file.ref ? `${file.ref.type} ${file.ref.id}` : "a record"}`;
    case "index":
      return "This page";
    case "consent-evidence":
      return "Your consent to call recording, machine-readable (JSON)";
  }
}

/** A relative link to an entry; a name that is not well-formed Unicode gets no usable link, only its text. */
function hrefOf(path: string): string {
  try {
    return path.split("/").map(encodeURIComponent).join("/");
  } catch {
    return "#";
  }
}

function list(items: readonly string[]): string {
  if (items.length === 0) return "—";
  return `<ul>${items.map((item) => `<li>${text(item)}</li>`).join("")}</ul>`;
}

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text content: every character HTML could read as markup escaped. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => entities[character] ?? character);
}

const text = escapeHtml;
const attribute = escapeHtml;
