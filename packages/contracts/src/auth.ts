import { z } from "zod";
import { idSchema, timestampSchema } from "./common";

/**
 * Roles, from most to least power. admin: connectors, users, API tokens and everything else;
 * compliance: files and acts on requests; viewer: reads.
 */
export const roles = ["admin", "compliance", "viewer"] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** What a route needs. Each role's grant is `rolePermissions`. */
export const permissions = [
  "requests:read",
  "requests:write",
  "exports:download",
  /** Playing a located call's audio: more than reading a request, so a viewer does not get it. */
  "recordings:listen",
  "connectors:read",
  "connectors:write",
  "audit:read",
  "users:manage",
  "tokens:manage",
  "holds:read",
  "holds:manage",
  "webhooks:manage",
  /** The data inventory: what each system holds and how much (no personal data). */
  "inventory:read",
  /** Starting a discovery scan, which calls every enabled system's count API. */
  "inventory:scan",
  /** The consent ledger and its report. */
  "consent:read",
  /** Reading consent evidence in, and planning and approving consent remediations. */
  "consent:manage",
  "retention:read",
  /** Creating, approving and running retention schedules: erasure without a data subject. */
  "retention:manage",
] as const;
export const permissionSchema = z.enum(permissions);
export type Permission = z.infer<typeof permissionSchema>;

export const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  admin: permissions,
  compliance: [
    "requests:read",
    "requests:write",
    "exports:download",
    "recordings:listen",
    "connectors:read",
    "audit:read",
    "holds:read",
    "holds:manage",
    "inventory:read",
    "inventory:scan",
    "consent:read",
    "consent:manage",
    "retention:read",
    "retention:manage",
  ],
  viewer: ["requests:read", "connectors:read", "audit:read", "holds:read", "consent:read", "inventory:read", "retention:read"],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

const emailSchema = z.email().max(320);
/** Long passphrases are welcome; the upper bound keeps hashing cost bounded. */
export const passwordSchema = z.string().min(12, "must be at least 12 characters").max(1024);

/** `POST /api/v1/auth/login`: sets the session cookie. */
export const loginBodySchema = z
  .object({
    email: emailSchema,
    password: z.string().min(1).max(1024),
  })
  .strict();
export type LoginBody = z.infer<typeof loginBodySchema>;

export const userSchema = z
  .object({
    id: idSchema,
    email: z.string(),
    role: roleSchema,
    disabled: z.boolean(),
    createdAt: timestampSchema,
    lastLoginAt: timestampSchema.nullable(),
  })
  .strict();
export type User = z.infer<typeof userSchema>;

/** Who is calling: a console session or an API token. */
export const principalSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("session"), user: userSchema }).strict(),
  z
    .object({
      kind: z.literal("token"),
      token: z.object({ id: idSchema, name: z.string(), role: roleSchema }).strict(),
    })
    .strict(),
]);
export type Principal = z.infer<typeof principalSchema>;

/** `GET /api/v1/auth/me` and the answer to login. */
export const meSchema = z
  .object({
    principal: principalSchema,
    role: roleSchema,
    permissions: z.array(permissionSchema),
  })
  .strict();
export type Me = z.infer<typeof meSchema>;

/** `POST /api/v1/users` (admin) */
export const createUserBodySchema = z
  .object({
    email: emailSchema,
    role: roleSchema,
    password: passwordSchema,
  })
  .strict();
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

/** `PATCH /api/v1/users/:id` (admin). Disabling a user ends their sessions. */
export const updateUserBodySchema = z
  .object({
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .strict();
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;

export const userListSchema = z.object({ users: z.array(userSchema) }).strict();
export type UserList = z.infer<typeof userListSchema>;
export const userResponseSchema = z.object({ user: userSchema }).strict();
export type UserResponse = z.infer<typeof userResponseSchema>;

/** An API token as lists show it: never the secret itself. */
export const apiTokenSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    role: roleSchema,
    /** The first characters of the token, to tell tokens apart (`lethe_ab12…`). */
    prefix: z.string(),
    createdBy: z.string(),
    createdAt: timestampSchema,
    expiresAt: timestampSchema.nullable(),
    lastUsedAt: timestampSchema.nullable(),
    revokedAt: timestampSchema.nullable(),
  })
  .strict();
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** `POST /api/v1/tokens` (admin) */
export const createApiTokenBodySchema = z
  .object({
    name: z.string().trim().min(1, "must not be empty").max(200),
    role: roleSchema,
    expiresAt: timestampSchema.optional(),
  })
  .strict();
export type CreateApiTokenBody = z.infer<typeof createApiTokenBodySchema>;

/** The one time the token's value is shown: store it now, it cannot be read again. */
export const createdApiTokenSchema = z
  .object({
    apiToken: apiTokenSchema,
    token: z.string().startsWith("lethe_"),
  })
  .strict();
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;

export const apiTokenListSchema = z.object({ apiTokens: z.array(apiTokenSchema) }).strict();
export type ApiTokenList = z.infer<typeof apiTokenListSchema>;
