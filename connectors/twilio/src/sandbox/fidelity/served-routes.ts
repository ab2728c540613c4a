import type { Express } from "express";

export interface ServedRoute {
  method: "GET" | "POST" | "DELETE";
  /** Express path, e.g. `/2010-04-01/Accounts/:AccountSid/Calls/:Sid.json`. */
  path: string;
}

interface RouterLayer {
  route?: { path: unknown; methods: Record<string, boolean> };
}

/**
 * Every Twilio route an app answers, read from the app's own router: the list the fidelity test
 * checks is what the app serves, not a second list that could drift from it. The oracle
 * (`/__sandbox`, mounted as a sub-router) and the catch-all 404 are not routes of Twilio's.
 */
export function servedVendorRoutes(app: Express): ServedRoute[] {
  const stack = (app as unknown as { router: { stack: RouterLayer[] } }).router.stack;
  const routes: ServedRoute[] = [];
  for (const layer of stack) {
    if (!layer.route || typeof layer.route.path !== "string") continue;
    for (const [method, on] of Object.entries(layer.route.methods)) {
      const upper = method.toUpperCase();
      if (on && (upper === "GET" || upper === "POST" || upper === "DELETE")) routes.push({ method: upper, path: layer.route.path });
    }
  }
  return routes;
}
