/**
 * Resolves on the first Ctrl-C or SIGTERM so the caller can stop cleanly (worker jobs released,
 * embedded PostgreSQL shut down so its data stays consistent).
 *
 * Ctrl-C in a terminal reaches every process of the group, and launchers such as tsx and pnpm
 * also relay it to their child, so one keypress can arrive two or three times within
 * milliseconds. Only a signal more than two seconds after the first means "stop now".
 */
export function waitForShutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let firstAt: number | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
      const now = Date.now();
      if (firstAt === undefined) {
        firstAt = now;
        process.stderr.write(`lethe: ${signal} received, stopping… (press Ctrl-C again to exit at once)\n`);
        resolve(signal);
      } else if (now - firstAt > 2000) {
        process.stderr.write("lethe: second signal, exiting without cleanup\n");
        process.exit(130);
      }
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
}
