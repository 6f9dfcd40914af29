/**
 * Inspector v2 call sequences (`serviceCommands("inspector2", …)`) run with fc.asyncModelRun against
 * the reference emulator in-process (@aws-sdk/client-inspector2 over msw), over many seeds: pool
 * references resolve only from what earlier calls of the same sequence observably returned (a
 * filter CreateFilter answered is later updated, tagged or deleted), a resource a call deleted leaves
 * the pool, all 81 operations are drawn, and commands print as `Op as Kind(name) [mode]`.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serviceCommands } from "../../generators/commands.js";
import type { CallExecutor, CallOutcome } from "../../generators/executor.js";
import { IDENTITY_KINDS, identityArbitrary, identityNamePool } from "../../generators/identities.js";
import type { IdentityRequest } from "../../generators/identities.js";
import type { ResolvedReference } from "../../generators/plan-value.js";
import { INSPECTOR2_REF_KINDS } from "../../generators/inspector2-resource-kinds.js";
import type { RefKind, ResourcePool } from "../../generators/resource-pool.js";
import { INSPECTOR2_PROFILE } from "../../generators/service-profile.js";
import { INSPECTOR2_OPERATIONS } from "../../model/inspector2-model.js";
import { credentialsFor, startEmulator, type Credentials, type EmulatorUnderTest } from "../emulator/e2e/transports.js";
import { inspector2Client, send } from "../emulator/inspector2/sdk.js";

const SCOPE = { region: "us-east-1", accountId: "111122223333" };
const SEED = 20_260_603;
const RUNS = 250;

/** One step of a sequence as run: what the command printed as, resolved and observed, and the pool after it. */
interface Step {
  label: string;
  operation: string;
  input: Record<string, unknown>;
  references: ResolvedReference<RefKind>[];
  outcome: CallOutcome;
  poolBefore: ResourcePool;
  change: { added: { kind: RefKind; value: string }[]; removed: string[] };
  poolAfter: ResourcePool;
}

/** Calls the emulator through the SDK as the requested identity (credentials obtained once per identity). */
class EmulatorExecutor implements CallExecutor {
  readonly #clients = new Map<string, ReturnType<typeof inspector2Client>>();
  constructor(private readonly target: EmulatorUnderTest) {}
  async call(identity: IdentityRequest, operation: string, input: Record<string, unknown>): Promise<CallOutcome> {
    const key = JSON.stringify(identity);
    let client = this.#clients.get(key);
    if (client === undefined) {
      const name = identity.kind === "AssumedRole" ? identity.sessionName : identity.kind === "FederatedUser" ? identity.federatedName : undefined;
      const credentials: Credentials = await credentialsFor(this.target, identity.kind, name);
      this.#clients.set(key, (client = inspector2Client(this.target, credentials)));
    }
    const r = await send(client, operation, input);
    return r.ok ? { ok: true, output: r.output } : { ok: false, errorCode: r.name };
  }
}

/** What a step added to and removed from the pool (by value), from the pool before and after it. */
function changeOf(before: ResourcePool, after: ResourcePool): { added: { kind: RefKind; value: string }[]; removed: string[] } {
  const kinds = INSPECTOR2_REF_KINDS as readonly RefKind[];
  const added = kinds.flatMap((kind) => after.list(kind).filter((v) => !before.list(kind).includes(v)).map((value) => ({ kind, value })));
  const removed = kinds.flatMap((kind) => before.list(kind).filter((v) => !after.contains(v)));
  return { added, removed };
}

/** Runs one sequence: a fresh pool, each call recorded with the pool before it, then each step's label and pool after it. */
async function runSequence(cmds: Iterable<fc.AsyncCommand<ResourcePool, CallExecutor>>, emulator: CallExecutor): Promise<Step[]> {
  const pool = INSPECTOR2_PROFILE.newPool(SCOPE);
  const calls: Omit<Step, "label" | "poolAfter" | "change">[] = [];
  const recorder: CallExecutor = {
    call: async (identity, operation, input, meta) => {
      const poolBefore = pool.clone();
      const outcome = await emulator.call(identity, operation, input);
      calls.push({ operation, input, references: meta?.references ?? [], outcome, poolBefore });
      return outcome;
    },
  };
  await fc.asyncModelRun(() => ({ model: pool, real: recorder }), cmds);
  // The commands print as fc.commands' wrappers do: each as the generated command's toString.
  const labels = [...cmds].map(String);
  expect(labels).toHaveLength(calls.length);
  return calls.map((call, i) => {
    const poolAfter = i + 1 < calls.length ? calls[i + 1]!.poolBefore : pool.clone();
    return { ...call, label: labels[i]!, poolAfter, change: changeOf(call.poolBefore, poolAfter) };
  });
}

describe("Inspector v2 sequences against the reference emulator", () => {
  let target: EmulatorUnderTest;
  const sequences: Step[][] = [];
  let ms = 0;

  beforeAll(async () => {
    target = await startEmulator("in-process");
    const executor = new EmulatorExecutor(target);
    const commands = serviceCommands("inspector2", { maxCommands: 30, identities: identityArbitrary(IDENTITY_KINDS, identityNamePool(SEED, 1)) });
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(commands, async (cmds) => {
        sequences.push(await runSequence(cmds, executor));
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    ms = Date.now() - started;
  }, 60_000);
  afterAll(async () => target?.close());

  it("runs many sequences quickly", () => {
    const calls = sequences.reduce((n, s) => n + s.length, 0);
    console.log(`inspector2 sequences: ${sequences.length} seeds, ${calls} calls, ${calls - sequences.flat().filter((s) => !s.outcome.ok).length} succeeded, ${ms} ms`);
    expect(sequences).toHaveLength(RUNS);
    expect(calls).toBeGreaterThan(RUNS * 3);
    // About 7 s alone, 13 s beside the other generator tests; the guard leaves room for a loaded machine.
    expect(ms).toBeLessThan(45_000);
  });

  it("draws every one of the 81 operations in some sequence", () => {
    const drawn = new Set(sequences.flat().map((s) => s.operation));
    expect(INSPECTOR2_OPERATIONS.filter((op) => !drawn.has(op))).toEqual([]);
    expect(drawn.size).toBe(81);
  });

  it("prints each command as `Op as Kind(name) [mode]`", () => {
    const form = /^[A-Z][A-Za-z0-9]+ as (IAMUser|Root|AssumedRole\([\w+=,.@-]+\)|FederatedUser\([\w+=,.@-]+\)) \[(valid|boundary \w+=\d+ at \S+|invalid \w+(\([<>]\d+\))? at \S+)\]$/;
    const labels = sequences.flat().map((s) => s.label);
    for (const label of labels) expect(label).toMatch(form);
    for (const kind of ["IAMUser", "Root", "AssumedRole(", "FederatedUser("]) expect(labels.some((l) => l.includes(` as ${kind}`))).toBe(true);
    for (const mode of ["[valid]", "[boundary ", "[invalid "]) expect(labels.some((l) => l.includes(mode))).toBe(true);
  });

  it("resolves pool references only from the seeded pool or earlier observed outputs of the same sequence", () => {
    const seeded = INSPECTOR2_PROFILE.newPool(SCOPE);
    let fromPool = 0;
    for (const steps of sequences) {
      const observed = new Set<string>();
      steps.forEach((step, i) => {
        const before = step.poolBefore;
        for (const ref of step.references) {
          // A pool reference is a value seeded or observed earlier, of the kind asked; an unknown one names nothing the pool held.
          if (ref.source === "pool") {
            fromPool++;
            expect(observed.has(ref.value) || seeded.contains(ref.value), `${step.label}: ${ref.path}=${ref.value}`).toBe(true);
            expect(before.list(ref.kind as RefKind)).toContain(ref.value);
          } else expect(before.contains(ref.value), `${step.label}: ${ref.path}=${ref.value}`).toBe(false);
        }
        for (const { value } of step.change.added) observed.add(value);
      });
    }
    expect(fromPool).toBeGreaterThan(50);
  });

  it("uses a filter CreateFilter answered in a later UpdateFilter, DeleteFilter or TagResource of the same sequence", () => {
    const uses = new Map<string, number>();
    for (const steps of sequences) {
      const created = new Set<string>();
      for (const step of steps) {
        for (const ref of step.references) if (ref.source === "pool" && created.has(ref.value)) uses.set(step.operation, (uses.get(step.operation) ?? 0) + 1);
        if (step.operation === "CreateFilter" && step.outcome.ok) {
          const arn = (step.outcome.output as { arn: string }).arn;
          expect(step.change.added).toEqual([{ kind: "v2:filter", value: arn }]);
          expect(step.poolAfter.list("v2:filter")).toContain(arn);
          created.add(arn);
        }
      }
    }
    console.log(`later uses of a created filter: ${JSON.stringify(Object.fromEntries(uses))}`);
    expect(["UpdateFilter", "DeleteFilter", "TagResource"].some((op) => (uses.get(op) ?? 0) > 0)).toBe(true);
  });

  it("resolves other v2 kinds from observed outputs too (report ids, CIS scan configurations, ...)", () => {
    const kinds = new Set<string>();
    for (const steps of sequences) {
      const observed = new Map<string, string>();
      for (const step of steps) {
        for (const ref of step.references) if (ref.source === "pool" && observed.get(ref.value) === ref.kind) kinds.add(ref.kind);
        for (const { kind, value } of step.change.added) observed.set(value, kind);
      }
    }
    console.log(`kinds resolved from observed outputs: ${[...kinds].sort().join(", ")}`);
    expect([...kinds]).toEqual(expect.arrayContaining(["v2:filter", "v2:findings-report", "v2:sbom-export", "v2:cis-configuration", "v2:connector"]));
  });

  it("forgets a resource a call deleted: it leaves the pool and no later call of the sequence takes it from the pool", () => {
    let deleted = 0;
    for (const steps of sequences) {
      steps.forEach((step, i) => {
        for (const value of step.change.removed) {
          deleted++;
          expect(step.outcome.ok).toBe(true);
          expect(step.poolAfter.contains(value)).toBe(false);
          for (const later of steps.slice(i + 1)) expect(later.references.filter((r) => r.source === "pool").map((r) => r.value)).not.toContain(value);
        }
      });
    }
    expect(deleted).toBeGreaterThan(0);
  });
});
