/**
 * RegisterCrossAccountAccessRole and DescribeCrossAccountAccessRole.
 * Before any registration, Describe returns the Inspector service-linked role, registered when the
 * account first called Inspector in the region (emulator choice: CreateAssessmentTarget's doc says
 * Inspector "creates and registers a service-linked role" when none is registered, and the output
 * shape requires roleArn, valid and registeredAt).
 * Register accepts an IAM role ARN of the caller's account; a malformed ARN is INVALID_IAM_ROLE_ARN,
 * another account's role is InvalidCrossAccountRoleException (the emulator cannot assume it).
 */
import { iamRoleArn } from "../../../model/arn.js";
import { invalidCrossAccountRole, invalidInput } from "../errors.js";
import { epochSeconds } from "../time.js";
import { type Handler, handler } from "./handler.js";

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/[\w+=,.@/-]{1,512}$/;

/** The service-linked role's name and path (AWSServiceRoleForAmazonInspector). */
export const SERVICE_LINKED_ROLE = { name: "AWSServiceRoleForAmazonInspector", path: "/aws-service-role/inspector.amazonaws.com/" } as const;

/** Cross-account role handlers by operation name. */
export const accountHandlers: Record<string, Handler> = {
  RegisterCrossAccountAccessRole: handler<{ roleArn: string }>((input, env) => {
    const m = ROLE_ARN.exec(input.roleArn);
    if (m === null) throw invalidInput("INVALID_IAM_ROLE_ARN", `'${input.roleArn}' is not a valid IAM role ARN.`);
    if (m[1] !== env.accountId) {
      throw invalidCrossAccountRole(
        "ROLE_DOES_NOT_EXIST_OR_INVALID_TRUST_RELATIONSHIP",
        `Amazon Inspector cannot assume the role '${input.roleArn}'.`,
      );
    }
    env.state.role = { roleArn: input.roleArn, valid: true, registeredAt: env.now };
    return {};
  }),

  DescribeCrossAccountAccessRole: handler<Record<string, never>>((_input, env) => {
    const role = env.state.role ?? {
      roleArn: iamRoleArn(env.accountId, SERVICE_LINKED_ROLE.name, SERVICE_LINKED_ROLE.path),
      valid: true,
      registeredAt: env.state.createdAt,
    };
    return { roleArn: role.roleArn, valid: role.valid, registeredAt: epochSeconds(role.registeredAt) };
  }),
};
