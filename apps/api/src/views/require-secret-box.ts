import type { SecretSealer } from "@lethe/runtime";
import { ApiError } from "../api-error";
import type { ApiContext } from "../dependencies";

/** Instances cannot be configured by an API started without the secret key. */
export function requireSecretBox(context: ApiContext): SecretSealer {
  if (!context.secretBox) throw new ApiError(503, "internal_error", "this API was started without the secret key");
  return context.secretBox;
}
