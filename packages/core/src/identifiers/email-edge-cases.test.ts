import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { normaliseEmail } from "./normalise-email";

// isemail's classified addresses (dominicsayers/isemail test/tests.xml), shared by the project and
// read in place rather than copied.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const testsXml = readFileSync(path.resolve(repoRoot, "../shared/data/email-edge-cases/tests.xml"), "utf8");

interface EdgeCase {
  id: string;
  address: string;
  category: string;
  diagnosis: string;
}

// The file writes ASCII control characters as Unicode "control pictures" (U+2400 + code), because
// XML cannot hold them; turn them back into the characters they stand for.
function decode(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[name] ?? "")
    .replace(/[\u2400-\u241f]/g, (picture) => String.fromCharCode(picture.charCodeAt(0) - 0x2400));
}

const cases: EdgeCase[] = [...testsXml.matchAll(/<test id="(\d+)">([\s\S]*?)<\/test>/g)].map(([, id = "", body = ""]) => ({
  id,
  address: decode(/<address>([\s\S]*?)<\/address>/.exec(body)?.[1] ?? ""),
  category: /<category>([^<]*)<\/category>/.exec(body)?.[1] ?? "",
  diagnosis: /<diagnosis>([^<]*)<\/diagnosis>/.exec(body)?.[1] ?? "",
}));

function accepts(address: string): boolean {
  try {
    normaliseEmail(address);
    return true;
  } catch {
    return false;
  }
}

/**
 * Lethe's policy per isemail diagnosis (README "E-mail addresses"): syntactically plain addresses are
 * accepted whatever their DNS; a single-label domain is accepted (test@io is valid); surrounding
 * spaces are trimmed; quoted local parts, comments, folding white space, address literals and
 * everything over RFC 5321's limits are refused.
 */
function policyAccepts(edgeCase: EdgeCase): boolean {
  if (edgeCase.category === "ISEMAIL_VALID_CATEGORY" || edgeCase.category === "ISEMAIL_DNSWARN") return true;
  if (edgeCase.diagnosis === "ISEMAIL_RFC5321_TLD") return true;
  if (edgeCase.diagnosis === "ISEMAIL_CFWS_FWS") return !/[\r\n]/.test(edgeCase.address);
  return false;
}

function byCategory(category: string): EdgeCase[] {
  return cases.filter((edgeCase) => edgeCase.category === category);
}

describe("normaliseEmail against isemail's edge cases", () => {
  it("reads all 164 classified addresses from the shared file", () => {
    expect(cases).toHaveLength(164);
  });

  it("rejects every address isemail classifies as an error", () => {
    const errors = byCategory("ISEMAIL_ERR");
    expect(errors).toHaveLength(66);
    expect(errors.filter((edgeCase) => accepts(edgeCase.address)).map((edgeCase) => edgeCase.id)).toEqual([]);
  });

  it("accepts every plainly valid address, including those isemail only warns about for DNS", () => {
    const valid = [...byCategory("ISEMAIL_VALID_CATEGORY"), ...byCategory("ISEMAIL_DNSWARN")];
    expect(valid).toHaveLength(22);
    expect(valid.filter((edgeCase) => !accepts(edgeCase.address)).map((edgeCase) => edgeCase.id)).toEqual([]);
  });

  it.each(["ISEMAIL_RFC5321", "ISEMAIL_RFC5322", "ISEMAIL_DEPREC", "ISEMAIL_CFWS"])(
    "decides each %s address as the documented policy says",
    (category) => {
      const disagreements = byCategory(category)
        .filter((edgeCase) => accepts(edgeCase.address) !== policyAccepts(edgeCase))
        .map((edgeCase) => `${edgeCase.id} ${edgeCase.diagnosis}`);
      expect(disagreements).toEqual([]);
    },
  );
});
