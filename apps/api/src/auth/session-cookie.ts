import type { Request, Response } from "express";

export const sessionCookieName = "lethe_session";

/** The session id from the Cookie header (no cookie-parser dependency for one cookie). */
export function readSessionCookie(request: Request): string | undefined {
  const header = request.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === sessionCookieName) return value.join("=") || undefined;
  }
  return undefined;
}

/**
 * httpOnly (scripts cannot read it), SameSite=Strict (never sent on cross-site requests: the
 * CSRF defence with the JSON content-type rule), Secure behind https, scoped to the API.
 */
export function setSessionCookie(response: Response, value: string, options: { secure: boolean; maxAgeMs: number }): void {
  response.cookie(sessionCookieName, value, {
    httpOnly: true,
    sameSite: "strict",
    secure: options.secure,
    path: "/api",
    maxAge: options.maxAgeMs,
  });
}

export function clearSessionCookie(response: Response, options: { secure: boolean }): void {
  response.clearCookie(sessionCookieName, { httpOnly: true, sameSite: "strict", secure: options.secure, path: "/api" });
}
