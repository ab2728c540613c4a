import { roleSchema, type ApiToken, type User } from "@lethe/contracts";
import type { ApiTokenRecord, UserRow } from "@lethe/runtime";

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    role: roleSchema.parse(row.role),
    disabled: row.disabled,
    createdAt: row.createdAt.toISOString(),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  };
}

export function toApiToken(row: ApiTokenRecord): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: roleSchema.parse(row.role),
    prefix: row.prefix,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
