import { asc, eq } from "drizzle-orm";
import { connectorInstances } from "../schema";
import type { Executor } from "./executor";

/** A connector instance as every reader but the worker sees it: without its secrets. */
export interface ConnectorInstance {
  id: string;
  connectorId: string;
  name: string;
  settings: unknown;
  rateLimitPerMinute: number | null;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** The part of the secret box (../crypto) this repository needs. */
export interface SecretSealer {
  seal(plaintext: string): string;
  open(ciphertext: string): string;
  /** See SecretBox.deriveKey; absent on test sealers that never derive keys. */
  deriveKey?(purpose: string): Buffer;
}

export interface NewConnectorInstance {
  connectorId: string;
  name: string;
  /** Validated by the caller against the connector's settings schema. */
  settings: unknown;
  /** Validated by the caller; stored only as ciphertext. */
  secrets: unknown;
  rateLimitPerMinute?: number | null;
  enabled?: boolean;
}

export class DuplicateInstanceNameError extends Error {
  constructor(readonly instanceName: string) {
    super(`a connector instance named "${instanceName}" already exists`);
    this.name = "DuplicateInstanceNameError";
  }
}

const publicColumns = {
  id: connectorInstances.id,
  connectorId: connectorInstances.connectorId,
  name: connectorInstances.name,
  settings: connectorInstances.settings,
  rateLimitPerMinute: connectorInstances.rateLimitPerMinute,
  enabled: connectorInstances.enabled,
  createdAt: connectorInstances.createdAt,
  updatedAt: connectorInstances.updatedAt,
};

export async function insertConnectorInstance(
  tx: Executor,
  secretBox: SecretSealer,
  input: NewConnectorInstance,
): Promise<ConnectorInstance> {
  const rows = await tx
    .insert(connectorInstances)
    .values({
      connectorId: input.connectorId,
      name: input.name,
      settings: input.settings,
      secretsCiphertext: secretBox.seal(JSON.stringify(input.secrets)),
      rateLimitPerMinute: input.rateLimitPerMinute ?? null,
      enabled: input.enabled ?? true,
    })
    .onConflictDoNothing({ target: connectorInstances.name })
    .returning(publicColumns);
  const [row] = rows;
  if (!row) throw new DuplicateInstanceNameError(input.name);
  return row;
}

export async function getConnectorInstance(tx: Executor, id: string): Promise<ConnectorInstance | null> {
  const [row] = await tx.select(publicColumns).from(connectorInstances).where(eq(connectorInstances.id, id));
  return row ?? null;
}

export async function listConnectorInstances(
  tx: Executor,
  filter: { enabledOnly?: boolean } = {},
): Promise<ConnectorInstance[]> {
  return tx
    .select(publicColumns)
    .from(connectorInstances)
    .where(filter.enabledOnly ? eq(connectorInstances.enabled, true) : undefined)
    .orderBy(asc(connectorInstances.name));
}

export interface ConnectorInstanceChanges {
  /** Validated by the caller. */
  settings?: unknown;
  /** Validated by the caller; sealed again with a fresh IV. */
  secrets?: unknown;
  rateLimitPerMinute?: number | null;
  enabled?: boolean;
}

/** Changes an instance; returns it (without secrets), or null when there is no such instance. */
export async function updateConnectorInstance(
  tx: Executor,
  secretBox: SecretSealer,
  id: string,
  changes: ConnectorInstanceChanges,
): Promise<ConnectorInstance | null> {
  const [row] = await tx
    .update(connectorInstances)
    .set({
      ...(changes.settings !== undefined ? { settings: changes.settings } : {}),
      ...(changes.secrets !== undefined ? { secretsCiphertext: secretBox.seal(JSON.stringify(changes.secrets)) } : {}),
      ...(changes.rateLimitPerMinute !== undefined ? { rateLimitPerMinute: changes.rateLimitPerMinute } : {}),
      ...(changes.enabled !== undefined ? { enabled: changes.enabled } : {}),
      updatedAt: new Date(),
    })
    .where(eq(connectorInstances.id, id))
    .returning(publicColumns);
  return row ?? null;
}

/** The decrypted secrets of an instance, for the worker that is about to call its connector. */
/** The instance and its opened secrets in one read (what a job's connector session needs). */
export async function getConnectorInstanceWithSecrets(
  tx: Executor,
  secretBox: SecretSealer,
  id: string,
): Promise<{ instance: ConnectorInstance; secrets: unknown } | null> {
  const [row] = await tx
    .select({ ...publicColumns, ciphertext: connectorInstances.secretsCiphertext })
    .from(connectorInstances)
    .where(eq(connectorInstances.id, id));
  if (!row) return null;
  const { ciphertext, ...instance } = row;
  return { instance, secrets: JSON.parse(secretBox.open(ciphertext)) as unknown };
}

export async function getInstanceSecrets(
  tx: Executor,
  secretBox: SecretSealer,
  id: string,
): Promise<unknown> {
  const [row] = await tx
    .select({ ciphertext: connectorInstances.secretsCiphertext })
    .from(connectorInstances)
    .where(eq(connectorInstances.id, id));
  if (!row) throw new Error(`connector instance ${id} does not exist`);
  return JSON.parse(secretBox.open(row.ciphertext)) as unknown;
}
