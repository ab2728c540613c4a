import type { AnyConnector, RunningSandbox } from "@lethe/connector-sdk";
import { conformanceCheck, createConformanceHarness, type CheckId } from "@lethe/connector-testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import recorderConnector from "./index";
import { startRecorderSandbox } from "./sandbox/start-sandbox";

/*
 * The conformance checks of the recorder's declared card sweep and recording audio must fail when
 * the operation does not do what it declares: each variant below breaks one thing of the recorder.
 */

const seed = 1;
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startRecorderSandbox({ seed, rateLimitPerMinute: 1_000_000 });
});
afterAll(() => sandbox.stop());

function run(id: CheckId, connector: AnyConnector): Promise<void> {
  return conformanceCheck(id).run(createConformanceHarness(connector, sandbox, seed));
}

const recorder: AnyConnector = recorderConnector;
const sweep = recorder.sweepCardNumbers?.bind(recorder);
const open = recorder.openRecordingAudio?.bind(recorder);
if (!sweep || !open) throw new Error("the recorder declares both a card sweep and recording audio");

describe("the recorder's declared features against broken variants", () => {
  it("the card sweep check fails a sweep that redacts the transcript but leaves the spoken digits audible", async () => {
    const textOnly: AnyConnector = {
      ...recorder,
      // Every card word still found and redacted in the text; no audio range for any of them.
      sweepCardNumbers: (ctx, input) => sweep({ ...ctx, personalData: { ...ctx.personalData, audioRanges: () => [] } }, input),
    };
    await expect(run("card-sweep.removes-every-card", textOnly)).rejects.toThrow(/still holds a card number at audio:\d/);
  });

  it("the card sweep check fails a sweep that stops after its first page", async () => {
    const firstPageOnly: AnyConnector = {
      ...recorder,
      async *sweepCardNumbers(ctx, input) {
        for await (const page of sweep(ctx, input)) {
          yield page;
          return;
        }
      },
    };
    await expect(run("card-sweep.removes-every-card", firstPageOnly)).rejects.toThrow(/last page names a next cursor/);
  });

  it("the recording audio checks fail audio that streams other than its declared size, or opens for an unknown recording", async () => {
    const oversized: AnyConnector = {
      ...recorder,
      openRecordingAudio: async (ctx, ref) => {
        const audio = await open(ctx, ref);
        return audio && { ...audio, size: audio.size + 1 };
      },
    };
    await expect(run("recording-audio.streams", oversized)).rejects.toThrow(/declared \d+ bytes but streamed \d+/);

    const anyId: AnyConnector = {
      ...recorder,
      openRecordingAudio: async () => ({ contentType: "audio/wav", size: 0, content: (async function* () {})() }),
    };
    await expect(run("recording-audio.unknown-record", anyId)).rejects.toThrow(/an unknown recording record opened audio/);
  });
});
