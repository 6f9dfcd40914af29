/**
 * The one table of per-target behaviour: what the run reads from it, and that the README's
 * Configuration table states the same defaults.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { collectSettings } from "../../../harness/collect/collect-settings.js";
import { resolveRunConfig, servicesOf } from "../../../harness/config.js";
import { TARGET_NAMES } from "../../../harness/targets/target.js";
import { TARGET_PROFILES } from "../../../harness/targets/target-profile.js";
import { oracleContext } from "../../../oracles/context.js";

const README = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
const row = (flag: string): string => README.split("\n").find((l) => l.startsWith(`| \`${flag}\``)) ?? "";

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

  it("is what the README's Configuration table says", () => {
    const p = TARGET_PROFILES;
    expect(row("--collect-deadline-ms")).toContain(`${p.embedded.collectDeadlineMs} embedded, ${p.endpoint.collectDeadlineMs} endpoint, ${p.aws.collectDeadlineMs} aws`);
    expect(row("--services")).toContain(`\`${p.embedded.services.join(",")}\` (\`${p.aws.services.join(",")}\` on \`aws\`)`);
    expect(row("--lookup-rps")).toContain(`${p.aws.lookupRequestsPerSecond} on aws`);
    expect(row("--deferred")).toContain("on for `aws`");
    expect(p.aws.alwaysDeferred && !p.embedded.alwaysDeferred && !p.endpoint.alwaysDeferred).toBe(true);
  });
});
