/** Postmasters this process owns and has not stopped yet. */
const ownedPostmasters = new Set<number>();
let hooked = false;

/**
 * Asks the postmaster to shut down (SIGINT: fast shutdown, a clean checkpoint) if this process
 * exits without closing its database. The `exit` event allows only synchronous work, so the
 * signal is sent and not awaited. A process killed outright leaves the server running; the next
 * starter adopts it (see ./embedded-server).
 */
export function stopOnExit(postmasterPid: number): void {
  ownedPostmasters.add(postmasterPid);
  if (hooked) return;
  hooked = true;
  process.on("exit", () => {
    for (const pid of ownedPostmasters) {
      try {
        process.kill(pid, "SIGINT");
      } catch {
        // Already gone.
      }
    }
  });
}

export function forgetOnExit(postmasterPid: number): void {
  ownedPostmasters.delete(postmasterPid);
}
