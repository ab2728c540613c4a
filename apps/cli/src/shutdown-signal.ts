/**
 * Resolves on the first Ctrl-C or SIGTERM so the caller can stop cleanly (worker jobs released,
 * embedded PostgreSQL shut down so its data stays consistent). A second signal exits at once.
 */
export function waitForShutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let received = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (received) {
        process.stderr.write("lethe: second signal, exiting without cleanup\n");
        process.exit(130);
      }
      received = true;
      process.stderr.write(`lethe: ${signal} received, stopping…\n`);
      resolve(signal);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
}
