import type { RequestHandler } from "express";
import type { SandboxState } from "./sandbox-state";

/**
 * Oracle route `GET /__sandbox/people/:id/restrictions`: every record still holding the person's
 * data, with its processing-restriction flag as the store has it — what a test checks a
 * restriction (or its lifting) against, never the connector's word. 404 for an id never seeded.
 */
export function getRestrictions(state: SandboxState): RequestHandler<{ id: string }> {
  return (req, res) => {
    if (!state.people().some((person) => person.id === req.params.id)) {
      res.status(404).json({ error: "no such seeded person" });
      return;
    }
    res.status(200).json({ records: state.store.restrictionsOf(req.params.id) });
  };
}
