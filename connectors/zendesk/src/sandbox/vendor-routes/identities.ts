import type { RequestHandler } from "express";
import { baseUrlOf, sendList } from "../http/pagination";
import { sendNotFound, sendRecordInvalid } from "../http/zendesk-error";
import type { SandboxState } from "../sandbox-state";
import { identityJson } from "../world/json-shapes";

/** `GET /api/v2/users/:id/identities[?type[]=email]` (Z6). */
export function getIdentities(state: SandboxState): RequestHandler<{ id: string }> {
  return (req, res) => {
    const userId = Number(req.params.id);
    if (!state.store.users.has(userId)) return sendNotFound(res);
    const query = req.query as Record<string, unknown>;
    const raw = query["type[]"] ?? query.type;
    const types = raw === undefined ? undefined : [raw].flat().map(String);
    const identities = state.store.identitiesOf(userId).filter((identity) => !types || types.includes(identity.type));
    sendList(req, res, "identities", identities, (identity) => identityJson(baseUrlOf(req), identity));
  };
}

/** `GET /api/v2/users/:id/identities/:identityId`. */
export function getIdentity(state: SandboxState): RequestHandler<{ id: string; identityId: string }> {
  return (req, res) => {
    const identity = state.store.identities.get(Number(req.params.identityId));
    if (!identity || identity.user_id !== Number(req.params.id)) return sendNotFound(res);
    res.status(200).json({ identity: identityJson(baseUrlOf(req), identity) });
  };
}

/** `DELETE /api/v2/users/:id/identities/:identityId` → 204; the primary e-mail cannot be deleted. */
export function deleteIdentity(state: SandboxState): RequestHandler<{ id: string; identityId: string }> {
  return (req, res) => {
    const identity = state.store.identities.get(Number(req.params.identityId));
    if (!identity || identity.user_id !== Number(req.params.id)) return sendNotFound(res);
    if (identity.primary) return sendRecordInvalid(res, "primary", "The primary identity cannot be deleted", "InvalidValue");
    state.store.deleteIdentity(identity.user_id, identity.id);
    res.status(204).end();
  };
}
