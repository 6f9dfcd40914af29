import { defineConfig } from "vitest/config";

/** Test layout: tests/ holds the project's own tests, suites/ the conformance suites. */
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "suites/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
