import { createOracleClient, type OracleClient } from "@lethe/connector-testkit";
import type { RunningSandbox } from "@lethe/connector-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recorderOracle, vendorToken } from "../../test/recorder-context";
import { fixture, loadSiprecSchema, type SiprecSchema } from "../../test/siprec/siprec-schema";
import { startRecorderSandbox } from "./start-sandbox";
import { defaultSeed } from "./world/seed-world";

/*
 * Validates SIPREC metadata with a real XSD validator (libxml2) against test/siprec/
 * recording-metadata.xsd — a transcription of RFC 7865's data model as vendor-apis.md §3.1 records
 * it, not the RFC's own schema text (see the schema's header and FIDELITY.md). The negative cases
 * prove the validator rejects what the model forbids, so that a passing document means something.
 */

let schema: SiprecSchema;
let sandbox: RunningSandbox;
let oracle: OracleClient;

beforeAll(async () => {
  schema = loadSiprecSchema();
  sandbox = await startRecorderSandbox({ seed: defaultSeed, rateLimitPerMinute: 1_000_000 });
  oracle = createOracleClient(sandbox.url);
});
afterAll(async () => {
  schema.dispose();
  await sandbox.stop();
});

/** Every stored recording's SIPREC document as the vendor API serves it, for the given seed. */
async function servedDocuments(seed: number): Promise<{ id: string; contentType: string | null; xml: string }[]> {
  await oracle.reset(seed);
  const token = await vendorToken(sandbox);
  const recordings = await recorderOracle(sandbox).recordings();
  const documents = [];
  for (const { id } of recordings) {
    const response = await fetch(`${sandbox.url}/v1/recordings/${encodeURIComponent(id)}/siprec`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status, id).toBe(200);
    documents.push({ id, contentType: response.headers.get("content-type"), xml: await response.text() });
  }
  return documents;
}

describe("SIPREC metadata against the RFC 7865 model's XML Schema", () => {
  it("accepts vendor-apis.md §3.1's complete example and its partial update", () => {
    expect(schema.errors(fixture("vendor-apis-complete-example.xml"))).toEqual([]);
    expect(schema.errors(fixture("vendor-apis-partial-update.xml"))).toEqual([]);
  });

  it.each([defaultSeed, 7])("accepts every seeded call's document as the sandbox serves it (seed %i)", async (seed) => {
    const documents = await servedDocuments(seed);
    expect(documents.length).toBeGreaterThan(0);
    for (const { id, contentType, xml } of documents) {
      expect(contentType, id).toMatch(/^application\/rs-metadata\+xml/);
      expect({ id, errors: schema.errors(xml) }).toEqual({ id, errors: [] });
    }
  });

  describe("rejects documents the model forbids", () => {
    const example = fixture("vendor-apis-complete-example.xml");

    function rejected(xml: string, expected: RegExp): void {
      expect(xml).not.toBe(example);
      const errors = schema.errors(xml);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.join("\n")).toMatch(expected);
    }

    it("a participant without participant_id", () => {
      rejected(example.replace('<participant participant_id="fq3/4HroSu2Ir5+mmvtuaA==">', "<participant>"), /participant_id.*is required/);
    });

    it('datamode "whatever"', () => {
      rejected(example.replace("<datamode>complete</datamode>", "<datamode>whatever</datamode>"), /datamode.*whatever/);
    });

    it("a document without datamode", () => {
      rejected(example.replace("<datamode>complete</datamode>", ""), /datamode/);
    });

    it("a stream before the participants (the model's order)", () => {
      const stream = `<stream stream_id="mFDuSkPST7Gc7KbMRAo1hQ==" session_id="VG+duW68QLShhxZii+/a1w==">\n    <label>1</label>\n  </stream>`;
      rejected(example.replace(stream, "").replace("<participant ", `${stream}\n  <participant `), /participant.*not expected/);
    });

    it("an associate-time that is not an xs:dateTime", () => {
      rejected(example.replace("<associate-time>2025-03-04T09:15:09Z</associate-time>", "<associate-time>04/03/2025 09:15</associate-time>"), /associate-time.*dateTime/);
    });

    it("an id that is not base64", () => {
      rejected(example.replace('stream_id="mFDuSkPST7Gc7KbMRAo1hQ=="', 'stream_id="not base64!"'), /stream_id.*base64Binary/);
    });

    it("an unknown element in the recording namespace, where only other namespaces may extend", () => {
      rejected(example.replace("<group-ref>", "<crmCustomerId>CUST-1</crmCustomerId>\n    <group-ref>"), /crmCustomerId.*not expected/);
    });

    it("a nameID without aor", () => {
      rejected(example.replace('<nameID aor="tel:+442079460958">', "<nameID>"), /aor.*is required/);
    });
  });
});
