import type { ErrorCode } from "@lethe/contracts";

/**
 * An error a handler means to show the client: its status, a stable machine-readable code and a
 * message safe to display. Anything else that reaches the error middleware is a 500 whose details
 * stay on the server.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ApiError";
  }
}
