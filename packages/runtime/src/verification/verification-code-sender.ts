import type { WorkerLog } from "../runtime-dependencies";

/** What the requester is sent: the one-time code and until when it works. */
export interface VerificationCodeMessage {
  requestId: string;
  /** The e-mail address the code goes to (a given identifier of the request). */
  to: string;
  code: string;
  expiresAt: Date;
}

/**
 * How a verification code reaches the requester: an organisation plugs in its mail service.
 * A sender that throws leaves nothing stored, so the caller can simply try again.
 */
export interface VerificationCodeSender {
  send(message: VerificationCodeMessage): Promise<void>;
}

/**
 * The default sender for demos and development: the code goes to the log at debug level only
 * (it is a secret and the address an identifier), so an operator running with
 * `LETHE_LOG_LEVEL=debug` can read it and nothing is written above debug.
 */
export function logVerificationCodeSender(log: WorkerLog): VerificationCodeSender {
  return {
    send(message) {
      log("debug", "verification code (outbox)", {
        requestId: message.requestId,
        to: message.to,
        code: message.code,
        expiresAt: message.expiresAt.toISOString(),
      });
      return Promise.resolve();
    },
  };
}
