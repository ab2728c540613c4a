import { naughtyStrings } from "@lethe/test-data";
import { describe, expect, it } from "vitest";
import type { BundleFile, BundleManifest } from "./bundle-manifest";
import { escapeHtml, renderBundleIndex } from "./bundle-index";

const base: Omit<BundleManifest, "files" | "systems"> = {
  format: "lethe-export",
  formatVersion: 2,
  request: { id: "r-1", type: "access", regime: "gdpr", receivedAt: "2025-03-01T09:00:00.000Z" },
  generatedAt: "2025-03-04T10:30:00.000Z",
  csvConventions: "CSV conventions",
};

function render(name: string, value: string): string {
  const file: BundleFile = {
    path: `systems/x/${value}.json`,
    size: 10,
    sha256: "0".repeat(64),
    contentType: "application/json",
    instanceId: "i-1",
    kind: "records-json",
    recordType: value,
  };
  return renderBundleIndex(
    {
      ...base,
      systems: [
        {
          instanceId: "i-1",
          instanceName: name,
          directory: "systems/x",
          connector: { id: "zendesk", version: "1.0.0" },
          records: { [value]: 1 },
          files: 0,
          withheld: { otherPeoplesParts: 2, internalFields: 3, cardNumbersMasked: 1 },
          processingByRecordType: { [value]: { purposes: [value], lawfulBasis: value, recipients: [value], retention: value, source: value } },
        },
      ],
    },
    [file],
    new Map([["i-1", { title: value, dataCategories: { [value]: [value] } }]]),
  );
}

describe("the bundle's index.html", () => {
  it("has the sections a person needs: summary, systems, Art. 15(1) information, what was left out", () => {
    const html = render("Support desk", "ticket");
    expect(html).toMatch(/^<!doctype html>/);
    for (const section of ['id="summary"', 'id="systems"', 'id="about-this-bundle"']) expect(html).toContain(section);
    for (const heading of ["Why we process it", "On which legal basis", "Who receives it", "How long it is kept", "Where it came from"]) {
      expect(html).toContain(heading);
    }
    expect(html).toContain("2 parts of shared records left out: other people&#39;s contributions or their metadata (GDPR Art. 15(4)).");
    expect(html).toContain("1 payment card number masked");
    expect(html).toContain("manifest.json");
  });

  it("escapes every value that came from a connector, an admin or the vendor", () => {
    for (const naughty of naughtyStrings()) {
      const html = render(naughty, naughty);
      if (/[<>]/.test(naughty)) expect(html).not.toContain(naughty);
      expect(html).toContain(escapeHtml(naughty));
      // The page's own markup is the only markup: no element a value could have smuggled in.
      expect(html).not.toMatch(/<(script|img|iframe|svg|object|embed)\b/i);
      expect(html.match(/<a /g)?.length).toBe(2);
    }
  });
});
