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
      // Deadlines for a test that hangs, not speed limits: a loaded machine (CI beside other jobs)
      // may take several times as long as an idle one. Speed is measured by `npm run bench`.
      testTimeout: 180_000,
      hookTimeout: 300_000,
      // expect.poll without its own timeout: 1 s by default, far too little for a page or a job under load.
      expect: { poll: { timeout: 60_000 } },
      pool: "forks",
      maxWorkers: 2,
    },
  };
});
