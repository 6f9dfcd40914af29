/**
 * The least-privilege IAM policy of an aws run, kept in step both ways: docs/aws-iam-policy.json and
 * docs/aws-sandbox.md's block are the generated default; every operation a default run calls (random
 * sequences under the aws call policy, and the coverage sweep through the same guard the run uses)
 * has its actions in the policy; no inspector2 action is there that the default run never needs; an
 * opted-in class adds exactly its own actions.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InspectorCallCommand } from "../../../generators/commands.js";
import { identityArbitrary } from "../../../generators/identities.js";
import { resolveRunConfig } from "../../../harness/config.js";
import { TargetHealth } from "../../../harness/execute/target-health.js";
import type { ServiceExecutor } from "../../../harness/execute/executor.js";
import { sweepService } from "../../../harness/run/service-phase.js";
import { inspector2Service } from "../../../harness/services/inspector2.js";
import { callPolicyOf, planAllows } from "../../../harness/targets/call-policy.js";
import {
  iamActionsOf,
  iamPolicyDocumentSchema,
  iamPolicyFor,
  operationsCalledOnAws,
  PLACEHOLDER_ROLE_ARN,
  TAG_ON_CREATE_OPERATIONS,
  type IamPolicyDocument,
} from "../../../harness/targets/iam-policy.js";
import { inspector2Model, INSPECTOR2_OPERATIONS } from "../../../model/inspector2-model.js";
import { inspector2SafetyClassOf, OPT_IN_CLASSES, type OptInClass } from "../../../model/inspector2-operation-classes.js";
import type { ObservedCall } from "../../../history/observed-call.js";

const ROOT = new URL("../../../", import.meta.url).pathname;
const DOC = "docs/aws-iam-policy.json";
// `-s`: without it npm prints its "> name@version iam-policy" banner to stdout, into the file.
const REGENERATE = `run \`npm run -s iam-policy > ${DOC}\``;

/** The policy as the script prints it: 2-space JSON and a newline. */
const printed = (policy: IamPolicyDocument): string => `${JSON.stringify(policy, null, 2)}\n`;
/** Every action of every statement. */
const actionsOf = (policy: IamPolicyDocument): Set<string> => new Set(policy.Statement.flatMap((s) => s.Action));
const inspector2ActionsOf = (policy: IamPolicyDocument): Set<string> => new Set([...actionsOf(policy)].filter((a) => a.startsWith("inspector2:")));
const sorted = (set: Iterable<string>): string[] => [...set].sort();

/** The actions `operations` need that `policy` does not grant. */
function missing(policy: IamPolicyDocument, operations: Iterable<string>): string[] {
  const granted = actionsOf(policy);
  return sorted(new Set([...operations].flatMap((op) => iamActionsOf(op)).filter((a) => !granted.has(a))));
}
/** The inspector2 actions `policy` grants that none of `operations` needs. */
function excess(policy: IamPolicyDocument, operations: Iterable<string>): string[] {
  const needed = new Set([...operations].flatMap((op) => iamActionsOf(op)));
  return sorted([...inspector2ActionsOf(policy)].filter((a) => !needed.has(a)));
}
/** `policy` with its first statement's actions changed by `edit`. */
function edited(policy: IamPolicyDocument, edit: (actions: string[]) => string[]): IamPolicyDocument {
  const [first, ...rest] = policy.Statement;
  return { ...policy, Statement: [{ ...first!, Action: edit([...first!.Action]) }, ...rest] };
}

/** The v2 operations whose input has a `tags` map. */
const TAKES_TAGS = INSPECTOR2_OPERATIONS.filter((op) => {
  const input = inspector2Model.operations[op]?.input?.shape;
  const member = input !== undefined ? inspector2Model.shapes[input]?.members?.["tags"] : undefined;
  return member !== undefined && inspector2Model.shapes[member.shape]?.type === "map";
});

const AWS_DEFAULT = resolveRunConfig({ target: "aws" }, {});
const SEEDS = 200;

/**
 * The operations of `SEEDS` random v2 sequences drawn as a default aws run draws them
 * (deferred-phase.ts: seed + i, the call policy's `allows`), and how many calls they hold. fc.commands
 * hands each command out wrapped (`cmd` is the command).
 */
function sequenceOperations(): { operations: Set<string>; calls: number } {
  const arbitrary = inspector2Service.sequences.commands({
    identities: identityArbitrary(),
    maxCommands: AWS_DEFAULT.maxCommands,
    allows: planAllows(callPolicyOf(AWS_DEFAULT), "inspector2"),
  });
  const operations = new Set<string>();
  let calls = 0;
  for (let i = 0; i < SEEDS; i++) {
    const [cmds] = fc.sample(arbitrary, { seed: AWS_DEFAULT.seed + i, numRuns: 1 });
    for (const wrapped of cmds!) {
      const command = (wrapped as { cmd?: unknown }).cmd ?? wrapped;
      if (!(command instanceof InspectorCallCommand)) throw new Error(`a sequence holds ${String(wrapped)}, not an Inspector call`);
      operations.add(command.plan.operation);
      calls++;
    }
  }
  return { operations, calls };
}

/** The operations the v2 coverage sweep sends under the default aws call policy: sweepService itself, with an executor that records and answers AccessDenied. */
async function sweepOperations(): Promise<Set<string>> {
  const sent = new Set<string>();
  const executor: ServiceExecutor = {
    service: inspector2Service,
    calls: () => [] as ObservedCall[],
    call: (_who, operation) => {
      sent.add(operation);
      return Promise.resolve({ ok: false, errorCode: "AccessDeniedException" });
    },
  };
  const notCalled = new Map<string, string>();
  await sweepService(executor, ["IAMUser", "AssumedRole"], {
    config: AWS_DEFAULT,
    scope: { region: AWS_DEFAULT.region, accountId: "123456789012" },
    health: new TargetHealth("test"),
    log: () => undefined,
    notCalled,
  });
  return sent;
}

/** The ```json block under the heading "IAM policy" of the sandbox page, or what to add. */
/** The page that shows the policy to users. */
const PAGE = "docs/aws-sandbox.md";

function policyBlock(readme: string): { block: string } | { problem: string } {
  const what = `a heading "IAM policy" followed by a \`\`\`json block holding ${DOC} (${REGENERATE})`;
  const heading = /^#{2,6} IAM policy\s*$/m.exec(readme);
  if (heading === null) return { problem: `${PAGE} has no heading "IAM policy": add ${what}` };
  const after = readme.slice(heading.index + heading[0].length);
  const section = after.split(/^#{1,6} /m)[0]!;
  const block = /^```json\n([\s\S]*?)^```/m.exec(section);
  if (block === null) return { problem: `${PAGE}'s "IAM policy" section has no \`\`\`json block: add ${what}` };
  return { block: block[1]! };
}

function script(...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/iam-policy.ts", ...args], { cwd: ROOT, encoding: "utf8", env: { PATH: process.env["PATH"], HOME: process.env["HOME"] } });
}

describe("IAM action of each v2 operation", () => {
  it("is inspector2:<operation>, with TagResource as well for each create that takes tags", () => {
    for (const op of INSPECTOR2_OPERATIONS) expect(iamActionsOf(op)[0], op).toBe(`inspector2:${op}`);
    expect(sorted(TAG_ON_CREATE_OPERATIONS)).toEqual(sorted(TAKES_TAGS.filter((op) => op.startsWith("Create"))));
    for (const op of TAG_ON_CREATE_OPERATIONS) expect(iamActionsOf(op)).toEqual([`inspector2:${op}`, "inspector2:TagResource"]);
    expect(iamActionsOf("ListFindings")).toEqual(["inspector2:ListFindings"]);
    expect(() => iamActionsOf("CreateAssessmentTarget")).toThrow(/not an Amazon Inspector v2 operation/);
  });
});

describe("the default policy", () => {
  const policy = iamPolicyFor();

  it(`is ${DOC}, and what the script prints without flags`, () => {
    const inStep = (text: string) => text === printed(iamPolicyFor());
    const file = readFileSync(`${ROOT}${DOC}`, "utf8");
    expect(inStep(file), `${DOC} is not the generated default policy: ${REGENERATE}`).toBe(true);
    expect(inStep(file.replace('"inspector2:ListFindings",\n', "")), "a file missing an action is out of step").toBe(false);
    const run = script();
    expect(run.status, run.stderr).toBe(0);
    expect(inStep(run.stdout), `npm run iam-policy does not print the default policy: ${REGENERATE}`).toBe(true);
  });

  it("parses as an IAM policy document, with sts:AssumeRole on the placeholder role and the run's own actions", () => {
    expect(iamPolicyDocumentSchema.safeParse(policy).success).toBe(true);
    expect(iamPolicyDocumentSchema.safeParse({ ...policy, Version: "2008-10-17" }).success).toBe(false);
    expect(policy.Statement.find((s) => s.Action.includes("sts:AssumeRole"))?.Resource).toBe(PLACEHOLDER_ROLE_ARN);
    const run = policy.Statement[0]!;
    expect(run.Resource).toBe("*");
    for (const action of ["cloudtrail:LookupEvents", "sts:GetFederationToken", "iam:ListAccountAliases"]) expect(run.Action).toContain(action);
    expect(actionsOf(policy).has("iam:CreateServiceLinkedRole")).toBe(false);
    expect(iamPolicyFor([], { roleArn: "arn:aws:iam::123456789012:role/Conformance" }).Statement[1]!.Resource).toBe("arn:aws:iam::123456789012:role/Conformance");
  });

  it(`grants every operation a default run calls: ${SEEDS} generated sequences and the coverage sweep`, async () => {
    const sequences = sequenceOperations();
    const sweep = await sweepOperations();
    const called = new Set([...sequences.operations, ...sweep]);
    // The run never calls what the call policy refuses: the checks below are about the real set.
    for (const op of called) expect(["read", "self-contained", "agent-only"], op).toContain(inspector2SafetyClassOf(op));
    expect(sequences.calls).toBeGreaterThan(SEEDS);
    expect(sequences.operations.size).toBeGreaterThan(40);
    expect(sweep.size).toBeGreaterThan(40);
    expect(missing(policy, sequences.operations), "operations the generated sequences call lack their actions").toEqual([]);
    expect(missing(policy, sweep), "operations the coverage sweep calls lack their actions").toEqual([]);
    expect(missing(policy, called), "operations the default run calls lack their actions").toEqual([]);
    // Fails on a policy without the action of a called operation (TagResource is needed by the creates too).
    expect(missing(edited(policy, (a) => a.filter((x) => x !== "inspector2:ListFindings" && x !== "inspector2:TagResource")), called)).toEqual(["inspector2:ListFindings", "inspector2:TagResource"]);
    // Least privilege, as observed: every inspector2 action is needed by an operation the run called.
    expect(excess(policy, called), "actions no call of the default run needs").toEqual([]);
    expect(excess(edited(policy, (a) => [...a, "inspector2:Enable"]), called)).toEqual(["inspector2:Enable"]);
  }, 120_000);

  it("holds no inspector2 action of an operation the default run never calls (account-state, organization, external)", () => {
    const optIn = INSPECTOR2_OPERATIONS.filter((op) => (OPT_IN_CLASSES as readonly string[]).includes(inspector2SafetyClassOf(op)!));
    expect(optIn.length).toBe(27);
    const neverCalled = (p: IamPolicyDocument) => sorted([...inspector2ActionsOf(p)].filter((a) => optIn.includes(a.slice("inspector2:".length))));
    expect(neverCalled(policy)).toEqual([]);
    expect(excess(policy, operationsCalledOnAws([]))).toEqual([]);
    expect(neverCalled(edited(policy, (a) => [...a, "inspector2:CreateConnector"]))).toEqual(["inspector2:CreateConnector"]);
    expect(sorted(inspector2ActionsOf(policy))).toEqual(sorted(new Set(operationsCalledOnAws([]).flatMap((op) => iamActionsOf(op)))));
    expect(inspector2ActionsOf(policy).size).toBe(54);
  });
});

describe("--allow", () => {
  const base = iamPolicyFor();
  /** What the policy with `allowed` adds to the default, and what it leaves out of it. */
  const growth = (allowed: OptInClass[]) => {
    const bigger = actionsOf(iamPolicyFor(allowed));
    return { added: sorted([...bigger].filter((a) => !actionsOf(base).has(a))), dropped: sorted([...actionsOf(base)].filter((a) => !bigger.has(a))) };
  };
  /** The inspector2 actions of the class's operations that the default policy lacks. */
  const classActions = (cls: OptInClass) => sorted(new Set(INSPECTOR2_OPERATIONS.filter((op) => inspector2SafetyClassOf(op) === cls).flatMap((op) => iamActionsOf(op)).filter((a) => !actionsOf(base).has(a))));
  const ORGANIZATIONS = [
    "organizations:DescribeAccount", "organizations:DescribeOrganization", "organizations:DescribeOrganizationalUnit", "organizations:EnableAWSServiceAccess",
    "organizations:ListAWSServiceAccessForOrganization", "organizations:ListDelegatedAdministrators", "organizations:RegisterDelegatedAdministrator",
  ];
  const OUTSIDE: Readonly<Record<OptInClass, string[]>> = { "account-state": ["iam:CreateServiceLinkedRole"], organization: ORGANIZATIONS, external: [] };

  it.each(OPT_IN_CLASSES)("%s grows the policy by exactly that class's actions (and what they need outside Inspector)", (cls) => {
    const { added, dropped } = growth([cls]);
    expect(dropped).toEqual([]);
    expect(added).toEqual(sorted([...classActions(cls), ...OUTSIDE[cls]]));
    expect(classActions(cls).length).toBeGreaterThan(5);
    // Both ways: another class's growth is not this one's.
    const other = OPT_IN_CLASSES.find((c) => c !== cls)!;
    expect(growth([other]).added).not.toEqual(added);
  });

  it("every class at once is the union, the order and repeats of --allow do not matter, and the service-linked role is for inspector2 only", () => {
    const all = growth([...OPT_IN_CLASSES]).added;
    expect(all).toEqual(sorted(new Set(OPT_IN_CLASSES.flatMap((c) => growth([c]).added))));
    expect(iamPolicyFor(["external", "account-state", "external"])).toEqual(iamPolicyFor(["account-state", "external"]));
    const everything = iamPolicyFor([...OPT_IN_CLASSES]);
    expect(sorted(inspector2ActionsOf(everything))).toEqual(sorted(INSPECTOR2_OPERATIONS.map((op) => `inspector2:${op}`)));
    const slr = everything.Statement.find((s) => s.Action.includes("iam:CreateServiceLinkedRole"))!;
    expect(slr.Condition).toEqual({ StringEquals: { "iam:AWSServiceName": ["agentless.inspector2.amazonaws.com", "inspector2.amazonaws.com"] } });
  });
});

describe(PAGE, () => {
  it(`has ${DOC} as the \`\`\`json block under the heading "IAM policy"`, () => {
    const file = readFileSync(`${ROOT}${DOC}`, "utf8");
    const found = policyBlock(readFileSync(`${ROOT}${PAGE}`, "utf8"));
    expect("problem" in found ? found.problem : "", PAGE).toBe("");
    expect("block" in found && found.block === file, `${PAGE}'s "IAM policy" block differs from ${DOC}: paste the file into it (${REGENERATE} first)`).toBe(true);
  });

  it("the check finds a missing heading, a missing block and a block out of step", () => {
    const file = printed(iamPolicyFor());
    expect(policyBlock("# x\n\n## Other\n")).toEqual({ problem: expect.stringContaining('no heading "IAM policy"') });
    expect(policyBlock("## IAM policy\n\ntext\n\n## Next\n\n```json\n{}\n```\n")).toEqual({ problem: expect.stringContaining("no ```json block") });
    expect(policyBlock(`## IAM policy\n\nAttach:\n\n\`\`\`json\n${file}\`\`\`\n\n## Next\n`)).toEqual({ block: file });
    const stale = policyBlock(`### IAM policy\n\n\`\`\`json\n${printed(iamPolicyFor(["external"]))}\`\`\`\n`);
    expect("block" in stale && stale.block === file).toBe(false);
  });
});

describe("npm run iam-policy", () => {
  it("--allow and --role-arn choose the policy", () => {
    const run = script("--allow", "external,account-state", "--role-arn", "arn:aws:iam::123456789012:role/Conformance");
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(printed(iamPolicyFor(["account-state", "external"], { roleArn: "arn:aws:iam::123456789012:role/Conformance" })));
  });

  it.each([
    [["--allow", "billing"], /^iam-policy: --allow: each class must be one of account-state, organization, external \(got "billing"\)$/],
    [["--role-arn", "ConformanceRole"], /^iam-policy: --role-arn: an IAM role ARN \(got "ConformanceRole"\)$/],
    [["--allow-all"], /^iam-policy: Unknown option '--allow-all'/],
    [["extra"], /^iam-policy: .*extra/],
  ])("%j: one line and the usage, exit 2", (args, line) => {
    const run = script(...args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(line);
    expect(lines[1]).toMatch(/^usage: npm run iam-policy -- \[--allow account-state,organization,external\] \[--role-arn /);
  });
});
