import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resolveClusterDirectory, rootFallbackDirectory } from "./cluster-location";

describe("where the embedded cluster lives", () => {
  const made: string[] = [];
  afterEach(async () => {
    for (const directory of made.splice(0)) await rm(directory, { recursive: true, force: true });
  });

  async function directoryWithMode(mode: number): Promise<string> {
    const directory = await mkdtemp(join(tmpdir(), "lethe-cluster-location-"));
    made.push(directory);
    await chmod(directory, mode);
    return directory;
  }

  it("stays where it was asked to be when every parent is reachable by other users", async () => {
    const parent = await directoryWithMode(0o755);
    const requested = join(parent, "home", ".lethe", "pg");
    expect(await resolveClusterDirectory(requested)).toEqual({ directory: requested, relocated: false });
  });

  it("moves, as root, out of a private directory to a stable place under /var/lib/lethe (elsewhere it stays)", async () => {
    const parent = await directoryWithMode(0o700);
    await mkdir(join(parent, "checkout"));
    const requested = join(parent, "checkout", ".lethe", "pg");
    const first = await resolveClusterDirectory(requested);
    if (process.getuid?.() === 0) {
      expect(first.relocated).toBe(true);
      expect(first.directory.startsWith(`${rootFallbackDirectory}/`)).toBe(true);
      expect(await resolveClusterDirectory(requested)).toEqual(first);
      expect((await resolveClusterDirectory(`${requested}-other`)).directory).not.toBe(first.directory);
    } else {
      expect(first).toEqual({ directory: requested, relocated: false });
    }
  });
});
