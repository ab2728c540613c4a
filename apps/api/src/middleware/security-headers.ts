import type { RequestHandler } from "express";

/**
 * Headers for a JSON API that returns personal data. The console (served later from the same app)
 * needs its own Content-Security-Policy; these are the API's.
 */
export const securityHeaders: RequestHandler = (_request, response, next) => {
  response.set({
    // Responses carry personal data: no browser or proxy may keep a copy.
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
  });
  next();
};
