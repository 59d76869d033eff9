import { defineConfig } from "drizzle-kit";

// Only used to generate migrations (`npm run db:generate`); they are applied in code
// (db/migrate.ts), because drizzle-kit's own migrate fails silently against PGlite.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
