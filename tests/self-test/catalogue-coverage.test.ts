/** Every fault of the emulator's catalogue has a self-test expectation and is in exactly one self-test group, and vice versa. */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FAULTS } from "../../emulator/faults/catalogue.js";
import { FAULT_EXPECTATIONS } from "./fault-expectations.js";

describe("self-test coverage of the fault catalogue", () => {
  it("has an expectation for exactly the catalogue's faults (Classic and v2), at least 30 + 12", () => {
    expect(FAULTS.filter((f) => f.service === "inspector").length).toBeGreaterThanOrEqual(30);
    expect(FAULTS.filter((f) => f.service === "inspector2").length).toBeGreaterThanOrEqual(12);
    expect(Object.keys(FAULT_EXPECTATIONS).sort()).toEqual(FAULTS.map((f) => f.name).sort());
    for (const f of FAULTS) expect(FAULT_EXPECTATIONS[f.name]!.services ?? ["inspector"], f.name).toEqual([f.service]);
  });

  it("runs every fault in exactly one self-test file", () => {
    const dir = new URL("./", import.meta.url);
    const listed = readdirSync(dir)
      .filter((f) => f.endsWith(".test.ts") && f !== "catalogue-coverage.test.ts")
      .flatMap((f) => [...readFileSync(new URL(f, dir), "utf8").matchAll(/^\s+"([a-z0-9A-Z-]+)",?$/gm)].map((m) => m[1]!));
    expect(listed.sort()).toEqual(FAULTS.map((f) => f.name).sort());
  });
});
