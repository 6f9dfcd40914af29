import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inspectorCommands, InspectorCallCommand, runInspectorCommands, defaultOperationWeight } from "../../generators/commands.js";
import { identityArbitrary } from "../../generators/identities.js";
import { inputArbitrary } from "../../generators/operation-inputs.js";
import { ResourcePool } from "../../generators/resource-pool.js";
import { FakeExecutor } from "./fake-executor.js";

const scope = { region: "us-west-2", accountId: "123456789012" };
const LIFECYCLE = [
  "CreateResourceGroup",
  "CreateAssessmentTarget",
  "CreateAssessmentTemplate",
  "StartAssessmentRun",
  "DeleteAssessmentRun",
  "DeleteAssessmentTemplate",
  "DeleteAssessmentTarget",
  "ListAssessmentTargets",
];

describe("model-based call sequences", () => {
  it("run against an executor; the pool only ever holds what the executor was seen to create", async () => {
    let referencedObserved = 0;
    await fc.assert(
      fc.asyncProperty(inspectorCommands({ operations: LIFECYCLE, maxCommands: 30 }), async (cmds) => {
        const fake = new FakeExecutor();
        const pool = new ResourcePool(scope);
        await fc.asyncModelRun(() => ({ model: pool, real: fake }), cmds);
        for (const kind of ["resourcegroup", "target", "template", "run"] as const) {
          for (const arn of pool.list(kind)) expect(fake.calls.some((c) => JSON.stringify(c.outcome.output ?? {}).includes(arn))).toBe(true);
        }
        // resources the fake deleted after observed success are gone from the pool
        for (const call of fake.calls) {
          if (call.operation.startsWith("Delete") && call.outcome.ok) expect(pool.contains(String(Object.values(call.input)[0]))).toBe(false);
        }
        referencedObserved += fake.calls.filter((c) => c.operation === "StartAssessmentRun" && c.outcome.ok).length;
      }),
      // About 7% of sequences start no run successfully: over 60 sequences none did for 3 seeds in 200,
      // over 200 the chance is below 1e-6.
      { numRuns: 200 },
    );
    // creates are weighted, so later calls do refer to earlier ones
    expect(referencedObserved).toBeGreaterThan(0);
  });

  it("weights creating operations above the others", () => {
    expect(defaultOperationWeight("CreateAssessmentTarget")).toBeGreaterThan(defaultOperationWeight("ListRulesPackages"));
    expect(defaultOperationWeight("ListRulesPackages")).toBeGreaterThan(defaultOperationWeight("SetTagsForResource"));
  });

  it("runs all 37 operations through runInspectorCommands", async () => {
    const operations = new Set<string>();
    await fc.assert(
      fc.asyncProperty(inspectorCommands({ maxCommands: 40 }), async (cmds) => {
        await runInspectorCommands(scope, () => {
          const fake = new FakeExecutor();
          const call = fake.call.bind(fake);
          fake.call = async (identity, operation, input) => {
            operations.add(operation);
            return call(identity, operation, input);
          };
          return fake;
        }, cmds);
      }),
      { numRuns: 80, seed: 11 },
    );
    expect(operations.size).toBe(37);
  });

  it("prints commands with operation, identity kind and label", () => {
    const [plan] = fc.sample(inputArbitrary("CreateAssessmentTarget", "valid"), { numRuns: 1, seed: 2 });
    expect(String(new InspectorCallCommand({ kind: "AssumedRole", sessionName: "s1" }, plan!))).toBe("CreateAssessmentTarget as AssumedRole(s1) [valid]");
  });

  it("shrinks a failing sequence to a readable counterexample that replays", async () => {
    // The fake target breaks when a run is started on a template it holds: the minimal failure needs
    // a target, then a template on it, then a run, each referring to what the previous call created.
    const buggy = () => new FakeExecutor((op, input, fake) => op === "StartAssessmentRun" && fake.live.has(String(input["assessmentTemplateArn"])));
    const property = (replayPath?: string) =>
      fc.asyncProperty(
        inspectorCommands({
          operations: LIFECYCLE,
          maxCommands: 30,
          identities: identityArbitrary(["IAMUser", "Root"]),
          modeWeights: { valid: 1, boundary: 0, invalid: 0 },
          ...(replayPath === undefined ? {} : { replayPath }),
        }),
        (cmds) => runInspectorCommands(scope, buggy, cmds),
      );
    const details = await fc.check(property(), { numRuns: 300, seed: 7 });
    expect(details.failed).toBe(true);
    const message = fc.defaultReportMessage(details) ?? "";
    expect(message).toMatch(/CreateAssessmentTarget as (IAMUser|Root) \[valid\]/);
    expect(message).toMatch(/CreateAssessmentTemplate as (IAMUser|Root) \[valid\]/);
    expect(message).toMatch(/StartAssessmentRun as (IAMUser|Root) \[valid\]/);
    const shown = String(details.counterexample?.[0]);
    expect(shown.split(",").length).toBe(3);
    // fast-check's replay (seed, path and the commands' replayPath) reproduces the same counterexample
    const replayPath = /replayPath="([^"]*)"/.exec(message)?.[1];
    expect(replayPath).toBeDefined();
    const replay = await fc.check(property(replayPath), { seed: details.seed, path: details.counterexamplePath ?? "", endOnFailure: true });
    expect(replay.failed).toBe(true);
    expect(String(replay.counterexample?.[0])).toBe(shown);
  });
});
