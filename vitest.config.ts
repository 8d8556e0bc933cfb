import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

function graphqlAlias(): Record<string, string> {
  try {
    return { graphql: require.resolve("graphql").replace(/index\.js$/, "index.mjs") };
  } catch {
    return {};
  }
}

export default defineConfig({
  resolve: {
    // One graphql module for everything (otherwise "Cannot use GraphQLSchema from another module or realm").
    alias: graphqlAlias(),
  },
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: true,
    maxWorkers: 2,
  },
});
