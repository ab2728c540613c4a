import type { Express } from "express";

export interface ListeningSandbox {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** Closes the server, keep-alive connections included. */
  stop: () => Promise<void>;
}

/** Serves a sandbox app on 127.0.0.1 only (port 0 or absent: a free one). */
export async function listenOnLoopback(app: Express, port = 0): Promise<ListeningSandbox> {
  const server = await new Promise<ReturnType<Express["listen"]>>((resolve, reject) => {
    const listening = app.listen(port, "127.0.0.1", (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("The sandbox is not listening on TCP");
  return {
    url: `http://127.0.0.1:${address.port}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        // Keep-alive sockets would hold close() open until they time out.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
