/**
 * Whose account the janitor is about to list: STS GetCallerIdentity with the base credentials, under
 * the call deadline. On the aws target the account must be one that `--aws-accounts`
 * (CONFORMANCE_AWS_ACCOUNTS) lists, exactly as for a conformance run, and this is decided before any
 * Inspector call.
 */
import { GetCallerIdentityCommand, type STSClient } from "@aws-sdk/client-sts";
import { settingName, type RunConfig } from "../config.js";
import { withDeadline } from "../targets/deadline.js";
import { describeSdkError } from "../targets/sdk-error.js";
import { targetProfile } from "../targets/target-profile.js";
import { failureText } from "./format.js";

/** The caller, or why the janitor may not (or cannot) go on. */
export type AccountCheck = { ok: true; account: string; arn: string } | { ok: false; message: string };

/** The account the credentials belong to, and whether the janitor may touch it. */
export async function checkAccount(sts: STSClient, config: Pick<RunConfig, "target" | "awsAccounts" | "callTimeoutMs">, where: string): Promise<AccountCheck> {
  let account: string | undefined;
  let arn: string | undefined;
  try {
    const out = await withDeadline(config.callTimeoutMs, "STS GetCallerIdentity", (signal) => sts.send(new GetCallerIdentityCommand({}), { abortSignal: signal }));
    account = out.Account;
    arn = out.Arn;
  } catch (err) {
    const failure = describeSdkError(err);
    const why = failure.noAnswer ? `the target did not answer (${where})` : `STS could not say whose credentials these are (${where})`;
    return { ok: false, message: `janitor: ${why}: ${failureText("STS GetCallerIdentity", failure)}. Nothing was listed or deleted.` };
  }
  if (account === undefined || arn === undefined) {
    return { ok: false, message: `janitor: STS GetCallerIdentity answered without Account or Arn (${where}). Nothing was listed or deleted.` };
  }
  if (targetProfile(config.target).requiresAccountAllowList && !config.awsAccounts.includes(account)) {
    const listed = config.awsAccounts.length === 0 ? "none" : config.awsAccounts.join(", ");
    return {
      ok: false,
      message: `janitor: the aws target cleans only an account you list: STS GetCallerIdentity names ${account}, which ${settingName("awsAccounts")} does not list (it lists ${listed}). If ${account} is the sandbox account to clean, set CONFORMANCE_AWS_ACCOUNTS=${account}. Nothing was listed or deleted.`,
    };
  }
  return { ok: true, account, arn };
}
