import path from "node:path";
import express, { type Router } from "express";

/**
 * The console's build served at `/`: files as they are, and `index.html` for any other non-API
 * path (the SPA's router owns those URLs). The console gets its own Content-Security-Policy:
 * same-origin scripts, styles and API calls only.
 */
export function serveConsole(directory: string): Router {
  const router = express.Router();
  const consoleHeaders: express.RequestHandler = (_request, response, next) => {
    response.set(
      "Content-Security-Policy",
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    );
    next();
  };
  router.use(consoleHeaders);
  router.use(
    express.static(directory, {
      index: "index.html",
      setHeaders: (response, filePath) => {
        // Vite's hashed assets never change; index.html must always be fetched fresh.
        if (filePath.includes(`${path.sep}assets${path.sep}`)) response.set("Cache-Control", "public, max-age=31536000, immutable");
      },
    }),
  );
  router.get(/^(?!\/api(\/|$)).*/, (request, response, next) => {
    if (!request.accepts("html")) return next();
    response.sendFile(path.join(directory, "index.html"));
  });
  return router;
}
