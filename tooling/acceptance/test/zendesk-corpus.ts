import type { RunningZendeskSandbox } from "@lethe/connector-zendesk/sandbox";
import { createClient } from "node-zendesk";
import { bystanders, ccingBystander, mentionText, mentioningBystander, target, targetCard, type CorpusPerson } from "./corpus";
import type { LoadedCorpus } from "./loaded-corpus";

/*
 * The corpus in Zendesk, created with node-zendesk 6 unchanged (users, a phone identity, tickets),
 * and read afterwards through Zendesk's own API, deleted users and deleted tickets included.
 */

interface CreatedUser {
  id: number;
}
interface CreatedTicket {
  id: number;
}

/**
 * Whether an answer still carries the target: Zendesk keeps a permanently deleted user in
 * `deleted_users` as a stub — renamed "Permanently Deleted User", e-mail and phone nulled — which
 * holds nothing of them (docs/vendor-apis.md §2, trap 4).
 */
function holdsTarget(body: unknown): boolean {
  const text = JSON.stringify(body).toLowerCase();
  const digits = target.phone.replace(/\D/g, "");
  return text.includes(target.email.toLowerCase()) || text.includes(`${target.firstName} ${target.lastName}`.toLowerCase()) || text.includes(digits);
}

export async function loadZendeskCorpus(running: RunningZendeskSandbox): Promise<LoadedCorpus> {
  const zendesk = createClient({
    username: running.admin.email,
    token: running.admin.apiToken,
    endpointUri: `${running.url}/api/v2`,
    throwOriginalException: true,
  });
  const createUser = async (person: CorpusPerson) => {
    const { result } = await zendesk.users.create({
      user: { name: `${person.firstName} ${person.lastName}`, email: person.email, verified: true },
    });
    const user = result as unknown as CreatedUser;
    await zendesk.useridentities.create(user.id, { type: "phone_number", value: person.phone });
    return user.id;
  };
  const targetId = await createUser(target);
  const bystanderIds = new Map<CorpusPerson, number>();
  for (const bystander of bystanders) bystanderIds.set(bystander, await createUser(bystander));
  const idOf = (person: CorpusPerson) => bystanderIds.get(person) ?? 0;

  const ticket = async (requesterId: number, subject: string, body: string, ccIds: number[] = []) =>
    ((await zendesk.tickets.create({ ticket: { subject, comment: { body, author_id: requesterId }, requester_id: requesterId, email_cc_ids: ccIds } }))
      .result as unknown as CreatedTicket).id;
  const ownTicket = await ticket(targetId, "Refund", `Please refund order 7731, I was charged twice on my card ${targetCard}.`);
  const bystanderTickets = [
    await ticket(idOf(mentioningBystander), "Refund for a customer", mentionText(target.email)),
    await ticket(idOf(ccingBystander), "Delivery", "Where is my parcel? Copying my neighbour.", [targetId]),
    ...(await Promise.all(bystanders.map((person) => ticket(idOf(person), "Question", `Hello, this is ${person.firstName}.`)))),
  ];

  const api = async (path: string) => {
    const response = await fetch(`${running.url}/api/v2${path}`, { headers: { authorization: `Bearer ${running.admin.oauthAccessToken}` } });
    return { status: response.status, body: response.status === 200 ? ((await response.json()) as Record<string, unknown>) : {} };
  };

  return {
    system: "Zendesk",
    async findings() {
      const found: string[] = [];
      for (const path of [`/users/${targetId}.json`, `/deleted_users/${targetId}.json`, `/tickets/${ownTicket}.json`, `/deleted_tickets.json`]) {
        const { status, body } = await api(path);
        if (path === "/deleted_tickets.json") {
          if (JSON.stringify(body).includes(`"id":${ownTicket}`)) found.push(`the target's ticket ${ownTicket} is still among deleted tickets`);
        } else if (status !== 404 && holdsTarget(body)) found.push(`${path} answers ${status} with the target's personal data`);
      }
      const search = await api(`/search.json?query=${encodeURIComponent(`type:user "${target.email.toLowerCase()}"`)}`);
      if (JSON.stringify(search.body).toLowerCase().includes(target.email.toLowerCase())) found.push("a user search still finds the target's address");
      for (const [person, id] of bystanderIds) {
        const { status, body } = await api(`/users/${id}.json`);
        const user = body.user as { email?: string; active?: boolean } | undefined;
        if (status !== 200 || user?.active !== true || user.email?.toLowerCase() !== person.email.toLowerCase()) {
          found.push(`bystander (${person.differs}) user ${id} was lost or changed (status ${status})`);
        }
      }
      for (const id of bystanderTickets) {
        const { status, body } = await api(`/tickets/${id}/comments.json`);
        if (status !== 200) {
          found.push(`bystander ticket ${id} is gone (status ${status})`);
          continue;
        }
        const text = JSON.stringify(body);
        if (text.toLowerCase().includes(target.email.toLowerCase())) found.push(`bystander ticket ${id} still names the target's address`);
        if (id === bystanderTickets[0] && !text.includes("on the refund for order 7731")) found.push(`bystander ticket ${id} lost more than the target's address`);
      }
      return found;
    },
  };
}
