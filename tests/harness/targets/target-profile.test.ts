/**
 * The one table of per-target behaviour: what the run reads from it (docs/configuration.md's table
 * is generated from it: tests/harness/config-table.test.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { collectSettings } from "../../../harness/collect/collect-settings.js";
import { resolveRunConfig, servicesOf } from "../../../harness/config.js";
import { createEmbeddedTarget } from "../../../harness/targets/embedded.js";
import { TARGET_NAMES } from "../../../harness/targets/target.js";
import { TARGET_PROFILES } from "../../../harness/targets/target-profile.js";
import { oracleContext } from "../../../oracles/context.js";


describe("target profiles", () => {
  it("has one profile per target name", () => {
    expect(Object.keys(TARGET_PROFILES).sort()).toEqual([...TARGET_NAMES].sort());
  });

  it("gives the default services and collection settings the run uses", () => {
    for (const target of TARGET_NAMES) {
      const config = resolveRunConfig({ target }, {});
      const profile = TARGET_PROFILES[target];
      expect(servicesOf(config)).toEqual(profile.services);
      const fakeTarget = { cloudtrail: () => ({}) } as never;
      const base = { kind: "IAMUser", credentials: { accessKeyId: "AKIA", secretAccessKey: "s" } } as never;
      const settings = collectSettings(config, fakeTarget, base, oracleContext("111122223333"), profile.alwaysDeferred);
      expect(settings.deadlineMs).toBe(profile.collectDeadlineMs);
      expect(settings.pollIntervalMs).toBe(profile.collectPollMs);
      expect(settings.requestsPerSecond).toBe(profile.lookupRequestsPerSecond);
    }
    // Flags win over the profile.
    const flagged = collectSettings(resolveRunConfig({ target: "aws", collectDeadlineMs: 1234, lookupRequestsPerSecond: 1 }, {}), { cloudtrail: () => ({}) } as never, { kind: "IAMUser", credentials: {} } as never, oracleContext("111122223333"), true);
    expect([flagged.deadlineMs, flagged.requestsPerSecond]).toEqual([1234, 1]);
    expect(servicesOf(resolveRunConfig({ target: "aws", services: "inspector,inspector2" }, {}))).toEqual(["inspector", "inspector2"]);
  });

  it("collects in one pass only from an embedded emulator that records each call before it answers", async () => {
    const dir = mkdtempSync(join(tmpdir(), "records-at-once-"));
    const config = resolveRunConfig({ target: "embedded", reportsDir: dir }, {});
    const base = { kind: "IAMUser", credentials: { accessKeyId: "AKIA", secretAccessKey: "s" } } as never;
    const at = createEmbeddedTarget(config);
    const delayed = createEmbeddedTarget(config, { deliveryDelayMs: 1000 });
    try {
      expect([at.recordsAtOnce, delayed.recordsAtOnce]).toEqual([true, false]);
      expect(collectSettings(config, at, base, oracleContext("111122223333"), false).recordsAtOnce).toBe(true);
      expect(collectSettings(config, delayed, base, oracleContext("111122223333"), false).recordsAtOnce).toBeUndefined();
      expect(collectSettings(config, { cloudtrail: () => ({}) } as never, base, oracleContext("111122223333"), false).recordsAtOnce).toBeUndefined();
    } finally {
      await Promise.all([at.close(), delayed.close()]);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("only aws is always deferred (docs/configuration.md's generated table states each profile's defaults)", () => {
    const p = TARGET_PROFILES;
    expect(p.aws.alwaysDeferred && !p.embedded.alwaysDeferred && !p.endpoint.alwaysDeferred).toBe(true);
  });
});
