import { createServer } from "node:http";
import type { Express } from "express";

export interface RunningApiServer {
  /** Base URL a client on this machine can use, e.g. `http://127.0.0.1:4310`. */
  url: string;
  /** Stops accepting connections and waits for open ones to finish (forcing them after a grace period). */
  close(): Promise<void>;
}

const closeGraceMs = 5_000;

/** Listens on `host` (default 127.0.0.1: nothing is exposed beyond this machine unless asked) and `port` (0: a free one). */
export function startApiServer(options: { app: Express; port: number; host?: string }): Promise<RunningApiServer> {
  const host = options.host ?? "127.0.0.1";
  const server = createServer(options.app);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => {
      server.off("error", reject);
      const address = server.address();
      if (address === null || typeof address === "string") {
        server.close();
        return reject(new Error(`the API server is not listening on a TCP port (${String(address)})`));
      }
      const { port } = address;
      let closing: Promise<void> | undefined;
      resolve({
        url: `http://${displayHost(host)}:${port}`,
        close: () => {
          closing ??= new Promise<void>((done, fail) => {
            const force = setTimeout(() => server.closeAllConnections(), closeGraceMs);
            server.close((error) => {
              clearTimeout(force);
              if (error) fail(error);
              else done();
            });
            server.closeIdleConnections();
          });
          return closing;
        },
      });
    });
  });
}

function displayHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}
