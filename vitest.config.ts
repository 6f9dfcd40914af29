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
      // The unit files share each worker's modules (isolate: false): importing the SDK clients, the
      // models and the generators again for each of 150 files was 129 s of the workers' time, 23 s
      // shared. No file mocks a module or stubs a global, and each server a file starts, it closes.
      { extends: true, test: { name: "unit", include: ["tests/**/*.test.ts"], isolate: false } },
      {
        extends: true,
        test: { name: "conformance", include: ["suites/**/*.test.ts"], globalSetup: ["suites/global-setup.ts"] },
      },
    ],
  },
});
