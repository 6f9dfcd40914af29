import { defineConfig } from "vitest/config";

/**
 * Two projects: `unit` (tests/: the project's own tests) and `conformance` (suites/: the conformance
 * suites, one file per rule family, over one run made by suites/global-setup.ts against
 * CONFORMANCE_TARGET, the embedded reference emulator by default).
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // vitest's default is one worker fewer than the cores: one worker on our 2-core machines. The
    // self-test and end-to-end files spend much of their time waiting, so two workers share well.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/**/*.test.ts"] } },
      {
        extends: true,
        test: { name: "conformance", include: ["suites/**/*.test.ts"], globalSetup: ["suites/global-setup.ts"] },
      },
    ],
  },
});
