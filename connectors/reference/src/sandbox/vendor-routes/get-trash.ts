import type { RequestHandler } from "express";
import { sendPage } from "../http/pagination";
import type { SandboxState } from "../sandbox-state";
import { trashRetentionMs, type TrashEntry } from "../world/vendor-store";

/** `GET /api/trash?limit=&cursor=`: deleted records, oldest deletion first, with their purge date. */
export function getTrash(state: SandboxState): RequestHandler {
  return (req, res) => {
    sendPage(
      req,
      res,
      state.store.trash(),
      (entry: TrashEntry) => [entry.deletedAt.toISOString(), `${entry.type}/${entry.id}`],
      (entry: TrashEntry) => ({
        type: entry.type,
        id: entry.id,
        deletedAt: entry.deletedAt.toISOString(),
        purgeAt: new Date(entry.deletedAt.getTime() + trashRetentionMs).toISOString(),
      }),
    );
  };
}
