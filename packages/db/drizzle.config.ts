import { defineConfig } from "drizzle-kit";

// `pnpm generate` writes a new migration into ./migrations whenever src/schema changes;
// src/migrations-up-to-date.test.ts fails until the generated files are committed.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "./migrations",
  strict: true,
});
