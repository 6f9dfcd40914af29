/**
 * The fault catalogue: size, families, unique names, parsing, and refusal of unknown names by the
 * library, the emulator and the CLI (exit 2).
 */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { FAULTS, FAULT_NAMES, FaultListError, parseFaultList, type FaultFamily } from "../../../emulator/faults/catalogue.js";
import { EmulatorFaults } from "../../../emulator/faults/emulator-faults.js";
import { createEmulator } from "../../../emulator/emulator.js";
import { resolveSettings, SettingsError } from "../../../emulator/settings.js";

const FAMILIES: FaultFamily[] = ["shape", "logging", "error", "echo", "identity", "correlated", "completeness", "lookup", "trail"];
const ROOT = new URL("../../../", import.meta.url).pathname;

describe("fault catalogue", () => {
  it("has at least 30 faults covering every family, with unique names and descriptions", () => {
    expect(FAULTS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(FAULTS.map((f) => f.family))).toEqual(new Set(FAMILIES));
    expect(new Set(FAULT_NAMES).size).toBe(FAULTS.length);
    for (const f of FAULTS) expect(f.description.length).toBeGreaterThan(10);
  });

  it("parses comma-separated text and lists, ignoring blanks and repeats", () => {
    expect(parseFaultList("")).toEqual([]);
    expect(parseFaultList(" drop-eventID , read-only-wrong,,drop-eventID")).toEqual(["drop-eventID", "read-only-wrong"]);
    expect(parseFaultList(["trail-files-unwrapped"])).toEqual(["trail-files-unwrapped"]);
  });

  it("rejects an unknown name with a message that lists every valid name", () => {
    let error: unknown;
    try {
      parseFaultList("drop-eventID,nope");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FaultListError);
    const message = (error as Error).message;
    expect(message).toContain('"nope"');
    for (const name of FAULT_NAMES) expect(message).toContain(name);
    expect((error as FaultListError).unknown).toEqual(["nope"]);
  });

  it("every fault is active when named and none when not", () => {
    expect(new EmulatorFaults().none).toBe(true);
    expect(new EmulatorFaults(FAULT_NAMES).names).toEqual(FAULT_NAMES);
  });

  it("createEmulator refuses an unknown fault", () => {
    expect(() => createEmulator({ faults: ["nope"] })).toThrow(FaultListError);
  });

  it("settings read --faults and EMULATOR_FAULTS (flag wins) and refuse unknown names with SettingsError", () => {
    expect(resolveSettings({}, {}).faults).toEqual([]);
    expect(resolveSettings({}, { EMULATOR_FAULTS: "drop-eventID,read-only-wrong" }).faults).toEqual(["drop-eventID", "read-only-wrong"]);
    expect(resolveSettings({ faults: "drop-eventTime" }, { EMULATOR_FAULTS: "drop-eventID" }).faults).toEqual(["drop-eventTime"]);
    expect(() => resolveSettings({}, { EMULATOR_FAULTS: "nope" })).toThrow(SettingsError);
    expect(() => resolveSettings({}, { EMULATOR_FAULTS: "nope" })).toThrow(/--faults \/ EMULATOR_FAULTS: unknown fault: "nope"\. Valid faults: describe-logs-response/);
  });

  it("the CLI refuses --faults nope with exit 2 and names the option and the valid faults", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "emulator/cli.ts", "--port", "0", "--faults", "nope"], {
      cwd: ROOT,
      env: { ...process.env, EMULATOR_FAULTS: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    let stdout = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("--faults / EMULATOR_FAULTS");
    expect(stderr).toContain("trail-files-unwrapped");
  }, 30_000);
});
