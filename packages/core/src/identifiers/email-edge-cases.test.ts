import { emailEdgeCases, type EmailEdgeCase as EdgeCase } from "@lethe/test-data";
import { describe, expect, it } from "vitest";
import { normaliseEmail } from "./normalise-email";

// isemail's classified addresses (dominicsayers/isemail test/tests.xml, vendored in @lethe/test-data).
const cases: EdgeCase[] = emailEdgeCases();

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
