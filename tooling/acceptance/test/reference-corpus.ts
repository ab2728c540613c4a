import type { RunningSandbox } from "@lethe/connector-sdk";
import { bystanders, mentionText, mentioningBystander, target, targetEmailInCapitals, type CorpusPerson } from "./corpus";
import type { LoadedCorpus } from "./loaded-corpus";

/*
 * The corpus in Reference CRM, created through its REST API (people, notes, calls), and read
 * afterwards through the same API — the trash included, where a deleted record waits 30 days.
 */

export async function loadReferenceCorpus(running: RunningSandbox): Promise<LoadedCorpus> {
  const token = String(running.credentials.apiToken);
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${running.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers } });
  const post = async (path: string, body: unknown): Promise<string> => {
    const response = await api(path, { method: "POST", body: JSON.stringify(body) });
    if (response.status !== 201) throw new Error(`Reference CRM refused ${path}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  };
  const person = (who: CorpusPerson, email = who.email) =>
    post("/api/people", { name: `${who.firstName} ${who.lastName}`, email, phone: who.phone.replace(/[^+\d]/g, "") });

  const targetId = await person(target, targetEmailInCapitals);
  const targetRecords = [
    `people/${targetId}`,
    `notes/${await post(`/api/people/${targetId}/notes`, { body: "Asked for a refund of order 7731." })}`,
    `calls/${await post(`/api/people/${targetId}/calls`, { direction: "inbound", durationSeconds: 61, summary: "Refund", tags: [], occurredAt: "2026-11-02T10:00:00Z" })}`,
  ];
  const bystanderIds = new Map<CorpusPerson, string>();
  for (const bystander of bystanders) bystanderIds.set(bystander, await person(bystander));
  const mentioningId = bystanderIds.get(mentioningBystander) ?? "";
  const mentionNote = await post(`/api/people/${mentioningId}/notes`, { body: mentionText(target.email) });

  return {
    system: "Reference CRM",
    async findings() {
      const found: string[] = [];
      for (const path of targetRecords) {
        const status = (await api(`/api/${path}`)).status;
        if (status !== 404) found.push(`/api/${path} answers ${status}: the target's record is still held`);
      }
      const trash = JSON.stringify(await (await api("/api/trash?limit=100")).json());
      for (const path of targetRecords) if (trash.includes(path.split("/")[1] ?? "?")) found.push(`${path} is still in the trash`);
      for (const [who, id] of bystanderIds) {
        const response = await api(`/api/people/${id}`);
        const held = response.status === 200 ? ((await response.json()) as { email?: string }) : undefined;
        if (held?.email?.toLowerCase() !== who.email.toLowerCase()) found.push(`bystander (${who.differs}) ${id} was lost or changed (status ${response.status})`);
      }
      const note = await api(`/api/notes/${mentionNote}`);
      const body = note.status === 200 ? ((await note.json()) as { body?: string }).body : undefined;
      if (body === undefined) found.push(`the bystander's note ${mentionNote} that mentioned the target is gone`);
      else if (body.toLowerCase().includes(target.email.toLowerCase())) found.push(`the bystander's note ${mentionNote} still names the target's address`);
      else if (!body.includes("on the refund for order 7731")) found.push(`the bystander's note ${mentionNote} lost more than the target's address`);
      return found;
    },
  };
}
