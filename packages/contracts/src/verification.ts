import { z } from "zod";
import { timestampSchema } from "./common";

/** `POST /api/v1/requests/:id/verification/attest`: how the staff member checked the identity. */
export const attestIdentityBodySchema = z
  .object({
    note: z.string().trim().min(1, "an attestation needs a note saying how the identity was checked").max(2000),
  })
  .strict();
export type AttestIdentityBody = z.infer<typeof attestIdentityBodySchema>;

/** `POST /api/v1/requests/:id/verification/confirm`: the code the requester read back. */
export const confirmVerificationCodeBodySchema = z
  .object({
    code: z.string().trim().regex(/^\d{6}$/, "a verification code is 6 digits"),
  })
  .strict();
export type ConfirmVerificationCodeBody = z.infer<typeof confirmVerificationCodeBodySchema>;

/** `POST /api/v1/requests/:id/verification/send-code` answer: the code itself is never returned. */
export const verificationCodeSentSchema = z
  .object({
    expiresAt: timestampSchema,
  })
  .strict();
export type VerificationCodeSent = z.infer<typeof verificationCodeSentSchema>;
