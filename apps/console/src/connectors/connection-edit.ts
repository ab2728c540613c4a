import type { UpdateConnectorInstanceBody } from "@lethe/contracts";
import type { FieldValue } from "../forms/schema-form-fields";
import { readVariantForm, type SchemaVariant } from "../forms/schema-form-variants";

/**
 * Editing a connection. Secrets are write-only: the form never shows them, every secret field
 * starts blank, all blank means "keep what is stored", and anything typed replaces the stored
 * secrets whole (the API stores them as one sealed value), so then every required one is asked.
 */

/** The variant the stored settings are: the one whose discriminator they carry, else the first. */
export function variantOfSettings(variants: SchemaVariant[], settings: unknown): SchemaVariant | undefined {
  const stored = typeof settings === "object" && settings !== null ? (settings as Record<string, unknown>) : {};
  return variants.find((variant) => variant.discriminator !== null && stored[variant.discriminator.name] === variant.discriminator.value) ?? variants[0];
}

export function secretsLeftBlank(values: Record<string, FieldValue>): boolean {
  return Object.values(values).every((value) => value === "" || value === false);
}

export interface ConnectionEditReading {
  body: UpdateConnectorInstanceBody;
  /** `settings.<field>` / `secrets.<field>` / `rateLimitPerMinute` → what is wrong. Empty when it can be sent. */
  problems: Record<string, string>;
}

export function connectionEditBody(input: {
  /** The settings as stored, and the variant and form values the form opened with. */
  stored: { settings: unknown; variant: SchemaVariant | undefined; values: Record<string, FieldValue> };
  settingsVariant: SchemaVariant | undefined;
  settingsValues: Record<string, FieldValue>;
  secretsVariant: SchemaVariant | undefined;
  secretsValues: Record<string, FieldValue>;
  /** As typed; empty returns to the vendor's default. */
  rateLimit: string;
}): ConnectionEditReading {
  const problems: Record<string, string> = {};
  const body: UpdateConnectorInstanceBody = {};
  if (input.settingsVariant) {
    const settings = readVariantForm(input.settingsVariant, input.settingsValues);
    for (const [field, message] of Object.entries(settings.problems)) problems[`settings.${field}`] = message;
    const changed = changedSettings(input.stored, input.settingsVariant, input.settingsValues, settings.value);
    if (changed !== null) body.settings = changed;
  }
  if (input.secretsVariant && !secretsLeftBlank(input.secretsValues)) {
    const secrets = readVariantForm(input.secretsVariant, input.secretsValues);
    for (const [field, message] of Object.entries(secrets.problems)) problems[`secrets.${field}`] = message;
    body.secrets = secrets.value;
  }
  const text = input.rateLimit.trim();
  const limit = text === "" ? null : Number(text);
  if (limit !== null && (!Number.isInteger(limit) || limit < 1)) problems.rateLimitPerMinute = "A whole number of requests per minute, 1 or more.";
  else body.rateLimitPerMinute = limit;
  return { body, problems };
}

/**
 * Only what the person changed is sent, laid over the stored settings: a default the form shows
 * for a field the stored settings leave out is not a change (the API would otherwise see, say, a
 * new token audience and rightly demand the secrets again). Null when nothing changed.
 */
function changedSettings(
  stored: { settings: unknown; variant: SchemaVariant | undefined; values: Record<string, FieldValue> },
  variant: SchemaVariant,
  values: Record<string, FieldValue>,
  read: Record<string, unknown>,
): Record<string, unknown> | null {
  // Another variant of a union is a different kind of settings: sent whole.
  if (stored.variant?.key !== variant.key) return read;
  const changed = variant.fields.filter((field) => values[field.name] !== stored.values[field.name]).map((field) => field.name);
  if (changed.length === 0) return null;
  const base = typeof stored.settings === "object" && stored.settings !== null ? { ...(stored.settings as Record<string, unknown>) } : {};
  for (const name of changed) {
    if (name in read) base[name] = read[name];
    else delete base[name];
  }
  return base;
}
