/**
 * The account alias of a remote target, read with IAM ListAccountAliases
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListAccountAliases.html: an account has at
 * most one alias). IAM is a global service: one endpoint, iam.amazonaws.com, signed for us-east-1
 * (AWS General Reference, "AWS Identity and Access Management endpoints and quotas"). Like the other
 * clients it honours AWS_ENDPOINT_URL_IAM, then AWS_ENDPOINT_URL (AWS SDKs and tools reference guide,
 * "Service-specific endpoints"); the URL is passed explicitly because the harness takes its env as an
 * argument. One attempt, under a deadline.
 */
import { IAMClient, ListAccountAliasesCommand } from "@aws-sdk/client-iam";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { z } from "zod";
import { withDeadline } from "./deadline.js";
import { describeSdkError, formatSdkFailure } from "./sdk-error.js";
import type { Credentials } from "./target.js";

/** The variables naming IAM's endpoint, the service's own first. */
export const IAM_ENDPOINT_ENV = { iam: "AWS_ENDPOINT_URL_IAM", all: "AWS_ENDPOINT_URL" } as const;

/** The region IAM requests are signed for. */
export const IAM_SIGNING_REGION = "us-east-1";

const endpointUrl = z.string().trim().pipe(z.url({ protocol: /^https?$/ }));

/**
 * Where IAM is: the URL of AWS_ENDPOINT_URL_IAM, else of AWS_ENDPOINT_URL, else `aws` (AWS's own
 * iam.amazonaws.com); `problem` when the variable that applies is not an http(s) URL.
 */
export function iamEndpointFromEnv(env: NodeJS.ProcessEnv): { url: string } | "aws" | { problem: string } {
  for (const name of [IAM_ENDPOINT_ENV.iam, IAM_ENDPOINT_ENV.all]) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === "") continue;
    const parsed = endpointUrl.safeParse(raw);
    return parsed.success ? { url: parsed.data.replace(/\/+$/, "") } : { problem: `${name} is not an http:// or https:// URL (got ${JSON.stringify(raw)})` };
  }
  return "aws";
}

/** Raised when ListAccountAliases gave no usable answer; the message says what came instead. */
export class AccountAliasError extends Error {
  override name = "AccountAliasError";
}

/**
 * The account's alias, read with `credentials` at `endpoint` (undefined: AWS's own); resolves
 * undefined when the account has none, rejects with AccountAliasError when it cannot be read
 * (AccessDenied, no answer within `timeoutMs`, an answer without AccountAliases).
 */
export async function readAccountAlias(credentials: Credentials, endpoint: string | undefined, timeoutMs: number): Promise<string | undefined> {
  const client = new IAMClient({
    region: IAM_SIGNING_REGION,
    credentials: { ...credentials },
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ connectionTimeout: timeoutMs, requestTimeout: timeoutMs }),
    ...(endpoint !== undefined ? { endpoint } : {}),
  });
  try {
    const out = await withDeadline(timeoutMs, "IAM ListAccountAliases", (signal) => client.send(new ListAccountAliasesCommand({}), { abortSignal: signal }));
    if (!Array.isArray(out.AccountAliases)) throw new AccountAliasError("IAM ListAccountAliases answered without AccountAliases");
    return out.AccountAliases[0];
  } catch (err) {
    if (err instanceof AccountAliasError) throw err;
    throw new AccountAliasError(`IAM ListAccountAliases failed: ${formatSdkFailure(describeSdkError(err))}`);
  } finally {
    client.destroy();
  }
}
