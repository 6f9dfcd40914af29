/**
 * `npm run iam-policy -- [--allow account-state,organization,external] [--role-arn ARN]`: prints the
 * least-privilege IAM policy (JSON, 2-space indent) of a run against a real account with those
 * classes allowed (harness/targets/iam-policy.ts). Without flags it prints the default policy,
 * docs/aws-iam-policy.json (regenerate it with `npm run -s iam-policy > docs/aws-iam-policy.json`: without
 * `-s` npm prints its banner to stdout too). Reads no environment variable. A bad flag: one line and the usage, exit 2.
 */
import { parseArgs } from "node:util";
import { runConfigSchema } from "../harness/config.js";
import { iamPolicyFor } from "../harness/targets/iam-policy.js";

const USAGE = "usage: npm run iam-policy -- [--allow account-state,organization,external] [--role-arn arn:aws:iam::123456789012:role/NAME]";

function fail(line: string): never {
  process.stderr.write(`iam-policy: ${line}\n${USAGE}\n`);
  process.exit(2);
}

let values: { allow?: string | undefined; "role-arn"?: string | undefined };
try {
  ({ values } = parseArgs({ options: { allow: { type: "string" }, "role-arn": { type: "string" } }, strict: true, allowPositionals: false }));
} catch (err) {
  fail((err instanceof Error ? err.message : String(err)).split("\n")[0]!);
}
// The run's own settings validate the flags, so the policy takes exactly what `npm run conformance` takes.
const allow = runConfigSchema.shape.allow.safeParse(values.allow ?? []);
if (!allow.success) fail(`--allow: ${allow.error.issues.map((i) => i.message).join("; ")} (got ${JSON.stringify(values.allow)})`);
const roleArn = runConfigSchema.shape.roleArn.safeParse(values["role-arn"]);
if (!roleArn.success) fail(`--role-arn: ${roleArn.error.issues.map((i) => i.message).join("; ")} (got ${JSON.stringify(values["role-arn"])})`);

const policy = iamPolicyFor(allow.data, roleArn.data !== undefined ? { roleArn: roleArn.data } : {});
process.stdout.write(`${JSON.stringify(policy, null, 2)}\n`);
