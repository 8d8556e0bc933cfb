import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

/** Our code and Pothos/Yoga must share one graphql module (the CommonJS build they require). */
function graphqlAlias(): { find: RegExp; replacement: string }[] {
  try {
    return [{ find: /^graphql$/, replacement: require.resolve("graphql") }];
  } catch {
    return [];
  }
}

export default defineConfig(() => {
  return {
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
      maxWorkers: 2,
    },
  };
});
