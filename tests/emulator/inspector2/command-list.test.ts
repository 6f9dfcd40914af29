/**
 * The emulator serves exactly the operations of @aws-sdk/client-inspector2 (pinned 3.1085.0): the
 * SDK's command list, the model's operation list and the emulator's handlers and routes are equal.
 */
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../../emulator/emulator.js";
import { INSPECTOR2_OPERATIONS } from "../../../model/inspector2-model.js";
import { SDK_OPERATIONS } from "./sdk.js";

describe("Inspector v2 operation list", () => {
  it("the SDK's commands are the model's 81 operations", () => {
    expect(SDK_OPERATIONS).toHaveLength(81);
    expect(SDK_OPERATIONS).toEqual(INSPECTOR2_OPERATIONS);
  });

  it("the emulator has a handler and a route for each, and nothing else", () => {
    const { inspector2 } = createEmulator();
    expect(SDK_OPERATIONS.filter((op) => !inspector2.has(op))).toEqual([]);
    expect(inspector2.has("ListAssessmentTargets")).toBe(false);
    expect([...new Set(inspector2.routes.map((r) => r.operation))].sort()).toEqual(SDK_OPERATIONS);
  });

  it("the pinned client is 3.1085.0", async () => {
    const pkg = (await import("@aws-sdk/client-inspector2/package.json", { with: { type: "json" } })).default as { version: string };
    expect(pkg.version).toBe("3.1085.0");
  });
});
