import { defineConfig } from "prisma/config";
import { CliPgAdapterFactory } from "./prisma/cli-adapter.js";

// Every Prisma command needs a syntactically valid URL, even `generate` (architecture.md).
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/panelbot";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return new CliPgAdapterFactory(process.env.DATABASE_URL!);
  },
});
