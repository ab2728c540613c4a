import type { RunningSandbox } from "@lethe/connector-sdk";
import { bystanders, target, type CorpusPerson } from "./corpus";
import type { LoadedCorpus } from "./loaded-corpus";
import { siprecMetadata, silentStereoWav, spokenTranscript } from "./recorder-upload";

/*
 * The corpus in the call recorder, uploaded the vendor's way (`POST /v1/recordings`: a WAV, SIPREC
 * metadata and a transcript): the target's calls — one under the vendor's own legal hold — and one
 * call of each bystander, then read back by id (metadata, transcript, consent events, media).
 */

export const vendorHold = { holdId: "LH-ACCEPT-1", basis: "Chargeback dispute 7731: evidence kept until the card scheme rules" };

export async function loadRecorderCorpus(running: RunningSandbox): Promise<LoadedCorpus> {
  const { clientId, clientSecret } = running.credentials as { clientId: string; clientSecret: string };
  const freshToken = async () => {
    const response = await fetch(`${running.url}/oauth/token`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    });
    return ((await response.json()) as { access_token: string }).access_token;
  };
  // A token lives an hour of the recorder's clock, which the test moves a day on: one per phase.
  let token = await freshToken();
  const api = (path: string, init: RequestInit = {}) => fetch(`${running.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });

  const upload = async (caller: CorpusPerson, startTime: string, hold?: typeof vendorHold): Promise<string> => {
    const form = new FormData();
    form.append("audio", new Blob([silentStereoWav(3_000)], { type: "audio/wav" }), "call.wav");
    form.append("metadata", new Blob([siprecMetadata(caller, startTime)], { type: "application/rs-metadata+xml" }), "metadata.xml");
    form.append("transcript", JSON.stringify(spokenTranscript(caller)));
    if (hold) form.append("legalHold", JSON.stringify(hold));
    const response = await api("/v1/recordings", { method: "POST", body: form });
    if (response.status !== 201) throw new Error(`the recorder refused the upload: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  };

  const targetCall = await upload(target, "2026-10-05T09:00:00Z");
  const heldCall = await upload(target, "2026-10-06T09:00:00Z", vendorHold);
  const bystanderCalls = new Map<CorpusPerson, string>();
  for (const [index, bystander] of bystanders.entries()) bystanderCalls.set(bystander, await upload(bystander, `2026-10-0${index + 1}T15:00:00Z`));

  const partsOf = (id: string) => ["", "/transcript", "/consent"].map((part) => `/v1/recordings/${id}${part}`);
  return {
    system: "Call recorder",
    async findings() {
      token = await freshToken();
      const found: string[] = [];
      for (const path of partsOf(targetCall)) {
        const status = (await api(path)).status;
        if (status !== 404) found.push(`${path} answers ${status}: the target's call is still held`);
      }
      // Kept on the vendor's hold, whole: the plan said `retain` with its basis.
      for (const path of partsOf(heldCall)) {
        const status = (await api(path)).status;
        if (status !== 200) found.push(`${path} answers ${status}: the call under the vendor's hold was not kept`);
      }
      for (const [who, id] of bystanderCalls) {
        for (const path of partsOf(id)) {
          const response = await api(path);
          if (response.status !== 200) found.push(`bystander (${who.differs}) ${path} answers ${response.status}: lost`);
          else if ((await response.text()).toLowerCase().includes(target.email.toLowerCase())) found.push(`bystander (${who.differs}) ${path} names the target`);
        }
      }
      return found;
    },
  };
}
