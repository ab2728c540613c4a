import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { SecretKeyError } from "./secret-key-error";

/** Seals connector secrets for storage (connector_instances.secrets_ciphertext). */
export interface SecretBox {
  /** `v1:<base64 iv>:<base64 auth tag>:<base64 ciphertext>`; a fresh random IV every call. */
  seal(plaintext: string): string;
  /** The plaintext, or a SecretBoxError if the text is malformed, tampered with or sealed under another key. */
  open(sealed: string): string;
  /**
   * A 32-byte key for another purpose, derived from the box's key (HKDF-SHA-256, `purpose` as
   * info): one configured secret (LETHE_SECRET_KEY) yields independent keys, e.g. the identifier
   * hash key of the suppression list, without a second secret to lose.
   */
  deriveKey(purpose: string): Buffer;
}

export type SecretBoxFailure = "malformed" | "unsupported-version" | "authentication-failed";

export class SecretBoxError extends Error {
  override readonly name = "SecretBoxError";

  constructor(
    readonly reason: SecretBoxFailure,
    message: string,
  ) {
    super(message);
  }
}

const algorithm = "aes-256-gcm";
const version = "v1";
const ivBytes = 12;
const tagBytes = 16;
const keyBytes = 32;
const base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** AES-256-GCM with a 32-byte key (see loadSecretKey). The version prefix leaves room to rotate the format. */
export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== keyBytes) {
    throw new SecretKeyError(`a secret box key must be ${keyBytes} bytes, got ${key.length}`);
  }
  // A copy, so that a caller reusing or zeroing its buffer cannot change the box's key.
  const boxKey = Buffer.from(key);
  return {
    seal(plaintext) {
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv(algorithm, boxKey, iv, { authTagLength: tagBytes });
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [version, iv.toString("base64"), tag.toString("base64"), ciphertext.toString("base64")].join(":");
    },
    deriveKey(purpose) {
      if (purpose.trim() === "") throw new TypeError("A derived key needs a purpose.");
      return Buffer.from(hkdfSync("sha256", boxKey, Buffer.alloc(0), `lethe/${purpose}`, keyBytes));
    },
    open(sealed) {
      const parts = sealed.split(":");
      if (parts[0] !== version) {
        throw parts.length === 4
          ? new SecretBoxError("unsupported-version", `sealed secret has unsupported version "${parts[0]}"`)
          : new SecretBoxError("malformed", "sealed secret is not of the form v1:<iv>:<tag>:<ciphertext>");
      }
      if (parts.length !== 4) {
        throw new SecretBoxError("malformed", "sealed secret is not of the form v1:<iv>:<tag>:<ciphertext>");
      }
      const iv = decodeBase64(parts[1], "IV", ivBytes);
      const tag = decodeBase64(parts[2], "auth tag", tagBytes);
      const ciphertext = decodeBase64(parts[3], "ciphertext");
      const decipher = createDecipheriv(algorithm, boxKey, iv, { authTagLength: tagBytes });
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
      } catch {
        throw new SecretBoxError(
          "authentication-failed",
          "sealed secret failed authentication: it was altered, or sealed under another key",
        );
      }
    },
  };
}

function decodeBase64(text: string | undefined, part: string, expectedBytes?: number): Buffer {
  if (text === undefined || !base64.test(text)) {
    throw new SecretBoxError("malformed", `sealed secret's ${part} is not base64`);
  }
  const bytes = Buffer.from(text, "base64");
  if (expectedBytes !== undefined && bytes.length !== expectedBytes) {
    throw new SecretBoxError("malformed", `sealed secret's ${part} is ${bytes.length} bytes, expected ${expectedBytes}`);
  }
  return bytes;
}
