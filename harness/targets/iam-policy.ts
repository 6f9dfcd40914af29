/**
 * The least-privilege IAM policy of a run against a real account (the aws target), built from the
 * same call policy that gates the run (call-policy.ts), so that the two cannot drift apart:
 * - every Inspector v2 operation the run may call, for either purpose: reads and self-contained
 *   resources, the agent-only CIS session operations (called only with a broken input, to see the
 *   service's own error: without the permission AWS would answer AccessDeniedException instead),
 *   and each class `--allow` names;
 * - what the run itself needs besides: `cloudtrail:LookupEvents` (reading the records back),
 *   `sts:GetFederationToken` (the FederatedUser identity), `iam:ListAccountAliases` (the alias a
 *   Root record's userName carries), `sts:AssumeRole` on the AssumedRole identity's role. STS
 *   GetCallerIdentity needs no permission (STS API reference, GetCallerIdentity: "No permissions are
 *   required to perform this operation").
 *
 * IAM action names are AWS's Service Authorization Reference, "Actions, resources, and condition
 * keys for Amazon Inspector2" (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoninspector2.html):
 * its "API operations defined by Amazon Inspector2" table maps each of the 81 operations to the
 * action of the same name, and the five creates that take `tags` to `inspector2:TagResource` as well
 * (access level "Tagging, Write"). No operation's action is named differently, so none is UNVERIFIED.
 */
import { z } from "zod";
import { INSPECTOR2_OPERATIONS } from "../../model/inspector2-model.js";
import { OPT_IN_CLASSES, type OptInClass } from "../../model/inspector2-operation-classes.js";
import { callPolicyOf } from "./call-policy.js";

/** The role ARN the policy names for `sts:AssumeRole` when none is given: replace it with the role's. */
export const PLACEHOLDER_ROLE_ARN = "arn:aws:iam::ACCOUNT_ID:role/ROLE_NAME";

const statementSchema = z.strictObject({
  Sid: z.string().regex(/^[A-Za-z0-9]+$/, "a Sid is letters and digits"),
  Effect: z.literal("Allow"),
  Action: z.array(z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9]+\*?$/, "service:Action")).min(1),
  Resource: z.string().min(1),
  Condition: z.record(z.string(), z.record(z.string(), z.array(z.string()).min(1))).optional(),
});
/** An IAM policy statement as this module writes it (Allow only). */
export type PolicyStatement = z.infer<typeof statementSchema>;

/** An IAM policy document (Version 2012-10-17) as this module writes it: every document it returns is parsed with this. */
export const iamPolicyDocumentSchema = z.strictObject({ Version: z.literal("2012-10-17"), Statement: z.array(statementSchema).min(1) });
/** An IAM policy document. */
export type IamPolicyDocument = z.infer<typeof iamPolicyDocumentSchema>;

/**
 * The creates the Service Authorization Reference maps to `inspector2:TagResource` besides their own
 * action: tags given in a create are authorized as a TagResource, and every create of a run carries
 * the run tag (harness/run/run-stamp.ts).
 */
export const TAG_ON_CREATE_OPERATIONS: readonly string[] = Object.freeze([
  "CreateCisScanConfiguration",
  "CreateCodeSecurityIntegration",
  "CreateCodeSecurityScanConfiguration",
  "CreateConnector",
  "CreateFilter",
]);

/** The IAM actions a call of v2 `operation` needs, its own first; throws for a name that is not a v2 operation. */
export function iamActionsOf(operation: string): readonly string[] {
  if (!INSPECTOR2_OPERATIONS.includes(operation)) throw new Error(`${operation} is not an Amazon Inspector v2 operation`);
  return TAG_ON_CREATE_OPERATIONS.includes(operation) ? [`inspector2:${operation}`, "inspector2:TagResource"] : [`inspector2:${operation}`];
}

/**
 * Statements an operation needs outside Inspector, by operation:
 * - Enable creates the service-linked roles (Inspector user guide, "Using service-linked roles for
 *   Amazon Inspector": "When you activate Amazon Inspector ... Amazon Inspector creates the
 *   service-linked role for you", and the caller must be allowed to create it; "Getting started":
 *   it creates AWSServiceRoleForAmazonInspector2 and AWSServiceRoleForAmazonInspector2Agentless).
 *   The statement is the one of AWS's managed policy AmazonInspector2FullAccess ("AllowAccessToCreateSlr").
 * - EnableDelegatedAdminAccount registers the delegated administrator with AWS Organizations, from
 *   the organization's management account: the actions of AmazonInspector2FullAccess's
 *   "AllowAccessToOrganizationApis" statement. UNVERIFIED: the user guide's "Permissions required to
 *   designate a delegated administrator" was read only as quoted on AWS re:Post (the same seven
 *   actions); what DisableDelegatedAdminAccount needs from Organizations is not documented there.
 */
const STATEMENTS_OUTSIDE_INSPECTOR: Readonly<Record<string, PolicyStatement>> = {
  Enable: {
    Sid: "CreateInspectorServiceLinkedRoles",
    Effect: "Allow",
    Action: ["iam:CreateServiceLinkedRole"],
    Resource: "*",
    Condition: { StringEquals: { "iam:AWSServiceName": ["agentless.inspector2.amazonaws.com", "inspector2.amazonaws.com"] } },
  },
  EnableDelegatedAdminAccount: {
    Sid: "DesignateDelegatedAdministrator",
    Effect: "Allow",
    Action: [
      "organizations:DescribeAccount",
      "organizations:DescribeOrganization",
      "organizations:DescribeOrganizationalUnit",
      "organizations:EnableAWSServiceAccess",
      "organizations:ListAWSServiceAccessForOrganization",
      "organizations:ListDelegatedAdministrators",
      "organizations:RegisterDelegatedAdministrator",
    ],
    Resource: "*",
  },
};

/** What the run's base identity needs besides Inspector: records read back, the FederatedUser identity, the account alias. */
const RUN_ACTIONS = ["cloudtrail:LookupEvents", "iam:ListAccountAliases", "sts:GetFederationToken"];

/** The allowed classes, each once, in any order. */
const allowedSchema = z.array(z.enum(OPT_IN_CLASSES)).transform((classes) => [...new Set(classes)]);

/** The v2 operations a run against a real account may call with `allowed` classes opted in (for success or to fail), in model order. */
export function operationsCalledOnAws(allowed: readonly OptInClass[]): string[] {
  const policy = callPolicyOf({ target: "aws", allow: allowedSchema.parse(allowed) });
  return INSPECTOR2_OPERATIONS.filter((op) => policy.refusal("inspector2", op, "success") === undefined || policy.refusal("inspector2", op, "failure") === undefined);
}

/** The inspector2 actions and the statements outside Inspector the operations of `allowed` need. */
function needsOf(allowed: readonly OptInClass[]): { inspector2: string[]; outside: PolicyStatement[] } {
  const operations = operationsCalledOnAws(allowed);
  const inspector2 = [...new Set(operations.flatMap((op) => iamActionsOf(op)))].sort();
  const outside = operations.flatMap((op) => (STATEMENTS_OUTSIDE_INSPECTOR[op] !== undefined ? [STATEMENTS_OUTSIDE_INSPECTOR[op]] : []));
  return { inspector2, outside };
}

/**
 * The IAM policy document to attach to the run's IAM user with `allowed` classes opted in: one
 * statement with every action the run calls on any resource, `sts:AssumeRole` on `roleArn` (the
 * placeholder unless given), and what an opted-in operation needs outside Inspector.
 */
export function iamPolicyFor(allowed: readonly OptInClass[] = [], options: { roleArn?: string } = {}): IamPolicyDocument {
  const { inspector2, outside } = needsOf(allowed);
  return iamPolicyDocumentSchema.parse({
    Version: "2012-10-17",
    Statement: [
      { Sid: "ConformanceRun", Effect: "Allow", Action: [...inspector2, ...RUN_ACTIONS].sort(), Resource: "*" },
      { Sid: "AssumeConformanceRole", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: options.roleArn ?? PLACEHOLDER_ROLE_ARN },
      ...outside,
    ],
  });
}
