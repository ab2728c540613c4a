import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { collect, useSeededRecorder, vendorToken } from "../../test/recorder-context";
import { fixture, loadSiprecSchema } from "../../test/siprec/siprec-schema";
import { ids, siprecUpload, type Caller } from "../../test/upload/siprec-upload";
import { wavFile } from "../../test/upload/wav-file";
import { confirmDeletions } from "../erase/confirm-deletions";
import { eraseRecordings } from "../erase/erase-recordings";
import { readBackRecords } from "../erase/read-back";
import { exportRecords } from "../export-records";
import { locate } from "../locate/locate";
import { errorBody, recordingRecord, transcriptRecord } from "../vendor/records";

/*
 * `POST /v1/recordings`: a call uploaded as the vendor takes it (multipart/form-data with a WAV,
 * SIPREC metadata and a transcript), over plain HTTP with the platform's fetch and FormData, then
 * found, exported and erased through the connector like any seeded call. Hostile uploads are
 * refused with the vendor's error body and leave nothing behind.
 */

const seeded = useSeededRecorder();
const day = 24 * 60 * 60 * 1000;

const ada: Caller = { aor: "tel:+12015550147", name: "Ada Quill", email: "ada.quill@example.com", crmId: "CUST-9000001" };
const speech = [
  { channel: 1, startMs: 200, endMs: 900 },
  { channel: 0, startMs: 1200, endMs: 2600 },
];
const transcript = {
  language: "en-US",
  utterances: [
    { participantId: ids.agent, startMs: 200, endMs: 900, text: "how can I help", words: words(["how", "can", "I", "help"], 200, 900) },
    {
      participantId: ids.caller,
      startMs: 1200,
      endMs: 2600,
      text: "my email is ada.quill@example.com",
      words: words(["my", "email", "is", "ada.quill@example.com"], 1200, 2600),
    },
  ],
};

function words(list: string[], startMs: number, endMs: number) {
  const step = (endMs - startMs) / list.length;
  return list.map((word, index) => ({ word, startMs: Math.round(startMs + index * step), endMs: Math.round(startMs + (index + 1) * step), confidence: 0.9 }));
}

interface Upload {
  audio?: Blob | string;
  metadata?: Blob | string;
  transcript?: string;
  [part: string]: Blob | string | undefined;
}

const caller = (aor: string): Caller => ({ ...ada, aor });

function goodUpload(caller: Caller = ada): Upload {
  return {
    audio: new Blob([wavFile({ channels: 2, sampleRate: 8000, durationMs: 3000, speech }).file], { type: "audio/wav" }),
    metadata: new Blob([siprecUpload(caller)], { type: "application/rs-metadata+xml" }),
    transcript: JSON.stringify(transcript),
  };
}

async function upload(parts: Upload, init: { token?: string } = {}): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(parts)) {
    if (value === undefined) continue;
    if (typeof value === "string") form.append(name, value);
    else form.append(name, value, name === "audio" ? "call.wav" : `${name}.xml`);
  }
  const token = init.token ?? (await vendorToken(seeded.sandbox));
  return fetch(`${seeded.sandbox.url}/v1/recordings`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
}

function postOnFreshConnection(url: string, body: Buffer, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method: "POST", agent: false, headers: { ...headers, "content-length": String(body.length), connection: "close" } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    sent.on("error", reject);
    sent.end(body);
  });
}

async function get(path: string): Promise<Response> {
  return fetch(`${seeded.sandbox.url}${path}`, { headers: { authorization: `Bearer ${await vendorToken(seeded.sandbox)}` } });
}

describe("POST /v1/recordings", () => {
  it("stores the call and answers 201 with the recording exactly as GET serves it: the WAV's length and channels, the parties on their streams' channels", async () => {
    const { data } = wavFile({ channels: 2, sampleRate: 8000, durationMs: 3000, speech });
    const response = await upload(goodUpload());
    expect(response.status).toBe(201);
    const created = recordingRecord.parse(await response.json());
    expect(response.headers.get("location")).toBe(`/v1/recordings/${created.id}`);
    expect(created.id).toMatch(/^rec_[a-z0-9]{12}$/);
    expect(await (await get(`/v1/recordings/${created.id}`)).json()).toEqual(created);
    expect(created).toMatchObject({
      startTime: "2025-11-03T14:05:00.000Z",
      endTime: "2025-11-03T14:05:03.000Z",
      durationMs: 3000,
      fileState: "AVAILABLE",
      contentLength: 44 + data.length,
      legalHold: null,
    });
    expect(created.participants).toEqual([
      { participantId: ids.caller, aor: ada.aor, name: ada.name, role: "customer", channel: 0, externalContactId: ada.crmId, email: ada.email, joinedAt: "2025-11-03T14:05:00.000Z" },
      { participantId: ids.agent, aor: "sip:agent.1042@cc.example.com", name: "Agent 1042", role: "agent", channel: 1, externalContactId: null, email: null, joinedAt: "2025-11-03T14:05:00.000Z" },
    ]);

    // The media: the uploaded samples behind a plain header (the LIST chunk dropped), byte for byte.
    const media = Buffer.from(await (await get(`/v1/recordings/${created.id}/media`)).arrayBuffer());
    expect(media.subarray(0, 4).toString("ascii")).toBe("RIFF");
    expect(media.readUInt16LE(22)).toBe(2);
    expect(media.subarray(44).equals(data)).toBe(true);

    const served = transcriptRecord.parse(await (await get(`/v1/recordings/${created.id}/transcript`)).json());
    expect(served.recordingId).toBe(created.id);
    expect(served.utterances.map((u) => [u.participantId, u.channel, u.text])).toEqual([
      [ids.agent, 1, "how can I help"],
      [ids.caller, 0, "my email is ada.quill@example.com"],
    ]);

    // The SIPREC document the recorder serves back for it is valid against the RFC 7865 schema.
    const schema = loadSiprecSchema();
    try {
      expect(schema.errors(await (await get(`/v1/recordings/${created.id}/siprec`)).text())).toEqual([]);
    } finally {
      schema.dispose();
    }

    // The oracle knows the caller by their identifiers (a new subject: nobody declared had them); the agent is nobody's.
    const person = (await seeded.oracle.people()).find((p) => p.identifiers.some((i) => i.kind === "email" && i.value === ada.email));
    expect(person?.identifiers).toEqual(expect.arrayContaining([{ kind: "phone", value: "+12015550147" }, { kind: "customer_id", value: ada.crmId }]));
    expect((await seeded.oracle.records(person?.id ?? "")).map((r) => `${r.ref.type}/${r.ref.id}`).sort()).toEqual(
      ["consent", "recording", "transcript"].map((type) => `${type}/${created.id}`),
    );
  });

  it("takes vendor-apis.md §3.1's complete example as it stands: roles by the recorder's channel convention, the CRM id from the session's extension", async () => {
    const response = await upload({ ...goodUpload(), metadata: fixture("vendor-apis-complete-example.xml"), transcript: undefined });
    expect(response.status).toBe(201);
    const created = recordingRecord.parse(await response.json());
    expect(created.participants.map((p) => [p.aor, p.role, p.channel, p.externalContactId])).toEqual([
      ["tel:+442079460958", "customer", 0, "CUST-0042117"],
      ["sip:agent.1042@cc.example.com", "agent", 1, null],
    ]);
    expect(created.startTime).toBe("2025-03-04T09:15:02.000Z");
  });

  it("is found by a declared person's identifiers, exported, erased and read back as gone through the connector; the oracle follows", async () => {
    const declared = await fetch(`${seeded.sandbox.url}/__sandbox/people`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: "ada", role: "subject", identifiers: [{ kind: "email", value: ada.email }] }),
    });
    expect(declared.status).toBe(201);
    const response = await upload(goodUpload());
    const { id } = recordingRecord.parse(await response.json());
    expect((await seeded.oracle.records("ada")).map((r) => r.ref.type).sort()).toEqual(["consent", "recording", "transcript"]);

    const ctx = seeded.ctx();
    // By phone, normalised from a national form: the uploaded call is strongly the subject's.
    const located = await collect(locate(ctx, { identifiers: [{ kind: "phone", value: "(201) 555-0147" }, { kind: "email", value: ada.email ?? "" }] }));
    const refs = located.filter((r) => r.ref.id === id);
    expect(refs.map((r) => r.ref.type).sort()).toEqual(["consent", "recording", "transcript"]);
    expect(refs.every((r) => r.matchedBy.some((m) => m.strength === "strong"))).toBe(true);

    const exported = await collect(exportRecords(ctx, refs.map((r) => r.ref)));
    const audio = exported.find((item) => item.kind === "binary" && item.contentType === "audio/wav");
    if (audio?.kind !== "binary") throw new Error("no audio exported");
    expect(Buffer.concat(await collect(audio.content())).equals((await seeded.truth.media(id)) ?? Buffer.alloc(0))).toBe(true);

    const receipts = await collect(eraseRecordings(ctx, refs.map((r) => r.ref), { action: "erase" }));
    expect(receipts.map((r) => r.outcome)).toEqual(["pending", "pending", "pending"]);
    await seeded.oracle.moveClock({ advanceMs: day });
    expect((await collect(confirmDeletions(ctx, receipts))).map((r) => r.outcome)).toEqual(["erased", "erased", "erased"]);
    expect((await collect(readBackRecords(ctx, refs.map((r) => r.ref)))).map((p) => p.present)).toEqual([false, false, false]);
    expect(await seeded.oracle.records("ada")).toEqual([]);
    expect((await get(`/v1/recordings/${id}`)).status).toBe(404);
  });

  it("places the call under the legal hold sent with it, which deletion jobs then respect", async () => {
    const hold = { holdId: "LH-2026-007", basis: "Litigation hold: disputed refund" };
    const response = await upload({ ...goodUpload(), legalHold: JSON.stringify(hold), conversationId: "conv-42" });
    const created = recordingRecord.parse(await response.json());
    expect(created.legalHold).toMatchObject(hold);
    expect(created.conversationId).toBe("conv-42");
    const ctx = seeded.ctx();
    const receipts = await collect(eraseRecordings(ctx, [{ type: "recording", id: created.id }], { action: "erase" }));
    expect(receipts[0]).toMatchObject({ outcome: "retained" });
  });

  describe("refuses, with the vendor's error body and nothing stored", () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE recording [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n${siprecUpload(ada).replace(/^<\?xml[^>]*>\n/, "").replace("Ada Quill", "&secret;")}`;
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n${siprecUpload(ada).replace(/^<\?xml[^>]*>\n/, "").replace("Ada Quill", "&lol3;")}`;
    const cases: [string, () => Upload, number, RegExp][] = [
      ["audio that is not a WAV", () => ({ ...goodUpload(), audio: new Blob(["ID3\u0003 this is an mp3, honest"]) }), 400, /audio is not a RIFF\/WAVE file/],
      ["a WAV of 24-bit samples", () => ({ ...goodUpload(), audio: new Blob([wavFile({ channels: 2, sampleRate: 8000, durationMs: 500, bitsPerSample: 24 }).file]) }), 400, /24-bit samples/],
      ["a WAV of A-law samples", () => ({ ...goodUpload(), audio: new Blob([wavFile({ channels: 2, sampleRate: 8000, durationMs: 500, formatTag: 6 }).file]) }), 400, /not linear PCM/],
      [
        "a WAV cut short inside its data chunk",
        () => ({ ...goodUpload(), audio: new Blob([wavFile({ channels: 2, sampleRate: 8000, durationMs: 500 }).file.subarray(0, 200)]) }),
        400,
        /runs past the end/,
      ],
      ["a text field where the audio file goes", () => ({ ...goodUpload(), audio: "RIFF" }), 400, /audio: a file part is required/],
      ["no metadata", () => ({ ...goodUpload(), metadata: undefined }), 400, /metadata: a SIPREC metadata part is required/],
      ["malformed XML", () => ({ ...goodUpload(), metadata: siprecUpload(ada).replace("</session>", "</sesion>") }), 400, /not well-formed XML/],
      ["XML with an external entity (XXE)", () => ({ ...goodUpload(), metadata: xxe }), 400, /document type declaration/],
      ["XML with nested entity expansion (billion laughs)", () => ({ ...goodUpload(), metadata: laughs }), 400, /document type declaration/],
      [
        "XML nested thousands of levels deep",
        () => ({ ...goodUpload(), metadata: siprecUpload(ada).replace("</session>", `${"<x:a xmlns:x='urn:o'>".repeat(5000)}${"</x:a>".repeat(5000)}</session>`) }),
        400,
        /metadata could not be read: Maximum nested tags exceeded/,
      ],
      ["XML outside the RFC 7865 namespace", () => ({ ...goodUpload(), metadata: siprecUpload(ada).replace("urn:ietf:params:xml:ns:recording:1", "urn:example:other") }), 400, /namespace/],
      [
        "a stream association naming an unknown participant",
        () => ({ ...goodUpload(), metadata: siprecUpload(ada).replace(`<participantstreamassoc participant_id="${ids.agent}">`, '<participantstreamassoc participant_id="AAAAAAAAAAAAAAAAAAAAAA==">') }),
        400,
        /participantstreamassoc\[1\] refers to an unknown participant "AAAAAAAAAAAAAAAAAAAAAA=="/,
      ],
      ["an address whose percent-escapes do not decode", () => ({ ...goodUpload(caller("tel:+1201555%E0%A4%A")) }), 400, /aor "tel:\+1201555%E0%A4%A" is not a tel:/],
      [
        "a stream label with no channel in a mono file",
        () => ({ ...goodUpload(), audio: new Blob([wavFile({ channels: 1, sampleRate: 16000, durationMs: 3000 }).file]) }),
        400,
        /stream labels must be 1..n, one per audio channel \(the file has 1/,
      ],
      [
        "a transcript naming somebody not on the call",
        () => ({ ...goodUpload(), transcript: JSON.stringify({ utterances: [{ ...transcript.utterances[1], participantId: "nobody" }] }) }),
        400,
        /transcript\.utterances\.0\.participantId: nobody is no participant/,
      ],
      [
        "a transcript running past the end of the audio",
        () => ({ ...goodUpload(), transcript: JSON.stringify({ utterances: [{ ...transcript.utterances[1], endMs: 9000 }] }) }),
        400,
        /within the audio \(3000 ms\)/,
      ],
      ["an unknown part", () => ({ ...goodUpload(), tags: "vip" }), 400, /tags: not a part of an upload/],
      ["a metadata part over its 256 KiB", () => ({ ...goodUpload(), metadata: siprecUpload(ada).replace("</recording>", `<!-- ${"x".repeat(300 * 1024)} --></recording>`) }), 413, /metadata: \d+ bytes, more than the 262144/],
    ];

    it.each(cases)("%s", async (_name, parts, status, message) => {
      const before = (await seeded.truth.recordings()).length;
      const peopleBefore = (await seeded.oracle.people()).length;
      const response = await upload(parts());
      expect(response.status).toBe(status);
      const body = errorBody.parse(await response.json());
      expect(body.message).toMatch(message);
      expect((await seeded.truth.recordings()).length).toBe(before);
      expect((await seeded.oracle.people()).length).toBe(peopleBefore);
    });

    it("a body over the whole upload's limit: 413, read to its end before the answer", async () => {
      const before = (await seeded.truth.recordings()).length;
      // The token first: building 49 MiB may take longer than the server keeps an idle pooled socket.
      const authorization = `Bearer ${await vendorToken(seeded.sandbox)}`;
      const form = new FormData();
      form.append("metadata", siprecUpload(ada));
      form.append("audio", new Blob([Buffer.alloc(49 * 1024 * 1024)]), "call.wav");
      // Sent on a connection of its own, for the same reason.
      const encoded = new Request("http://upload.invalid/", { method: "POST", body: form });
      const huge = await postOnFreshConnection(`${seeded.sandbox.url}/v1/recordings`, Buffer.from(await encoded.arrayBuffer()), {
        authorization,
        "content-type": encoded.headers.get("content-type") ?? "",
      });
      expect(huge.status).toBe(413);
      expect(errorBody.parse(JSON.parse(huge.body)).code).toBe("request.entity.too.large");
      expect((await seeded.truth.recordings()).length).toBe(before);
    });

    it("a body that is not multipart (415), broken multipart (400), and an upload without a valid token (401)", async () => {
      const before = (await seeded.truth.recordings()).length;
      const token = await vendorToken(seeded.sandbox);
      const json = await fetch(`${seeded.sandbox.url}/v1/recordings`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ audio: "x" }),
      });
      expect(json.status).toBe(415);
      // Refused before the body is read, so the body is kept small.
      expect((await upload({ metadata: siprecUpload(ada) }, { token: "not-a-token" })).status).toBe(401);
      const broken = await fetch(`${seeded.sandbox.url}/v1/recordings`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "multipart/form-data; boundary=xyz" },
        body: "--xyz\r\nContent-Disposition: form-data; name=\"audio\"\r\n\r\nno closing boundary",
      });
      expect(broken.status).toBe(400);
      expect((await seeded.truth.recordings()).length).toBe(before);
    });
  });
});
