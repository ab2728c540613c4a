import { randomBytes } from "node:crypto";
import type { CorpusPerson } from "./corpus";

/*
 * What a session recording client uploads for one call: a stereo WAV (caller on channel 0, agent
 * on 1), SIPREC metadata (RFC 7865) naming the parties with the contact centre's extension for
 * roles and e-mail, and the call's transcript — the caller saying their own e-mail address.
 */

const sampleRate = 8_000;

/** A 16-bit PCM stereo WAV of silence, RIFF/WAVE with `fmt ` and `data` chunks. */
export function silentStereoWav(durationMs: number): Buffer {
  const channels = 2;
  const data = Buffer.alloc(Math.round((durationMs * sampleRate) / 1000) * channels * 2);
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVEfmt ", 8, "ascii");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36, "ascii");
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

const id = () => randomBytes(16).toString("base64");

/** One call's ids: the caller's and the agent's participant and stream ids. */
const callIds = () => ({ group: id(), session: id(), caller: id(), agent: id(), callerStream: id(), agentStream: id() });
const lastIds = new WeakMap<CorpusPerson, ReturnType<typeof callIds>>();

export function siprecMetadata(caller: CorpusPerson, startTime: string): string {
  const ids = callIds();
  lastIds.set(caller, ids);
  const aor = `tel:${caller.phone.replace(/[^+\d]/g, "")}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<recording xmlns="urn:ietf:params:xml:ns:recording:1" xmlns:cc="urn:example:contact-centre:1">
  <datamode>complete</datamode>
  <group group_id="${ids.group}"><associate-time>${startTime}</associate-time></group>
  <session session_id="${ids.session}">
    <sipSessionID>ab30317f1a784dc48ff824d0d3715d86;remote=47755a9de7794ba387653f2099600ef2</sipSessionID>
    <group-ref>${ids.group}</group-ref>
  </session>
  <participant participant_id="${ids.caller}">
    <nameID aor="${aor}"><name xml:lang="en">${caller.firstName} ${caller.lastName}</name></nameID>
    <cc:role>customer</cc:role>
    <cc:email>${caller.email}</cc:email>
  </participant>
  <participant participant_id="${ids.agent}">
    <nameID aor="sip:agent.2201@cc.example.com"><name xml:lang="en">Agent 2201</name></nameID>
    <cc:role>agent</cc:role>
  </participant>
  <stream stream_id="${ids.callerStream}" session_id="${ids.session}"><label>1</label></stream>
  <stream stream_id="${ids.agentStream}" session_id="${ids.session}"><label>2</label></stream>
  <sessionrecordingassoc session_id="${ids.session}"><associate-time>${startTime}</associate-time></sessionrecordingassoc>
  <participantsessionassoc participant_id="${ids.caller}" session_id="${ids.session}"><associate-time>${startTime}</associate-time></participantsessionassoc>
  <participantstreamassoc participant_id="${ids.caller}"><send>${ids.callerStream}</send><recv>${ids.agentStream}</recv></participantstreamassoc>
  <participantstreamassoc participant_id="${ids.agent}"><send>${ids.agentStream}</send><recv>${ids.callerStream}</recv></participantstreamassoc>
</recording>
`;
}

/** The transcript of the call whose metadata `siprecMetadata` wrote last for this caller. */
export function spokenTranscript(caller: CorpusPerson): unknown {
  const ids = lastIds.get(caller);
  if (!ids) throw new Error("write the call's SIPREC metadata first");
  const line = (participantId: string, startMs: number, endMs: number, text: string) => {
    const words = text.split(" ");
    const step = (endMs - startMs) / words.length;
    return {
      participantId,
      startMs,
      endMs,
      text,
      words: words.map((word, index) => ({ word, startMs: Math.round(startMs + index * step), endMs: Math.round(startMs + (index + 1) * step), confidence: 0.9 })),
    };
  };
  return {
    language: "en-US",
    utterances: [line(ids.agent, 200, 900, "how can I help"), line(ids.caller, 1_200, 2_600, `my email is ${caller.email}`)],
  };
}
