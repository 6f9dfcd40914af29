/**
 * Account configuration: ECR rescan durations and the EC2 scan mode (Get/UpdateConfiguration), EC2
 * deep inspection (own, organization and members'), and the customer managed KMS keys that encrypt
 * code snippets (Get/Update/ResetEncryptionKey). Keys exist for scan type CODE with resource type
 * AWS_LAMBDA_FUNCTION or CODE_REPOSITORY (the resources whose code Inspector stores); other pairs are
 * ValidationException. With no customer key, GetEncryptionKey and ResetEncryptionKey answer
 * ResourceNotFoundException: the model's UpdateEncryptionKey doc says "A ResourceNotFoundException
 * means that an Amazon Web Services owned key is being used for encryption."
 */
import { administers, isDelegatedAdmin, organizationState, type Inspector2Env } from "../env.js";
import { accessDenied, invalid, notFound } from "../errors.js";
import { epochSeconds } from "../ids.js";
import { enabledSince } from "../scanning.js";
import type { RegionState } from "../state.js";
import { type Handler, handler, present } from "./handler.js";

/** The partition of `accountId` (the caller's when absent), when the caller administers it. */
function targetState(env: Inspector2Env, accountId: string | null | undefined): RegionState {
  const id = accountId ?? env.accountId;
  if (!administers(env, id)) throw accessDenied(`Account ${env.accountId} cannot read or change the configuration of account ${id}.`);
  return env.store.partition(id, env.region, env.now);
}

const KEY_TARGETS = new Set(["CODE/AWS_LAMBDA_FUNCTION", "CODE/CODE_REPOSITORY"]);

function keyOf(input: { scanType: string; resourceType: string }): string {
  const key = `${input.scanType}/${input.resourceType}`;
  if (!KEY_TARGETS.has(key)) {
    throw invalid(`Encryption keys apply to scan type CODE with resource type AWS_LAMBDA_FUNCTION or CODE_REPOSITORY; got ${input.scanType} with ${input.resourceType}.`, "resourceType");
  }
  return key;
}

function deepInspectionWire(env: Inspector2Env): Record<string, unknown> {
  const org = organizationState(env);
  return {
    packagePaths: [...env.state.deepInspection.packagePaths],
    orgPackagePaths: [...(org?.orgPackagePaths ?? [])],
    status: env.state.deepInspection.activated ? "ACTIVATED" : "DEACTIVATED",
  };
}

type Ecr = { rescanDuration: string; pullDateRescanDuration?: string | null; pullDateRescanMode?: string | null };

/** Configuration handlers by operation name. */
export const configurationHandlers: Record<string, Handler> = {
  GetConfiguration: handler<{ accountId?: string | null }>((input, env) => {
    const { configuration: c } = targetState(env, input.accountId);
    return {
      ecrConfiguration: {
        rescanDurationState: present({
          rescanDuration: c.ecr.rescanDuration,
          status: "SUCCESS",
          updatedAt: epochSeconds(c.ecr.updatedAt),
          pullDateRescanDuration: c.ecr.pullDateRescanDuration,
          pullDateRescanMode: c.ecr.pullDateRescanMode,
        }),
      },
      ec2Configuration: {
        scanModeState: { scanMode: c.ec2.scanMode, scanModeStatus: "SUCCESS" },
        ...(c.ec2.activateVMScanner !== undefined ? { vmScannerState: { activated: c.ec2.activateVMScanner, status: "SUCCESS" } } : {}),
      },
    };
  }),

  UpdateConfiguration: handler<{
    accountId?: string | null;
    ecrConfiguration?: Ecr | null;
    ec2Configuration?: { scanMode: string; activateVMScanner?: boolean | null } | null;
    updateConfigurationInheritance?: Record<string, string> | null;
  }>((input, env) => {
    if (!input.ecrConfiguration && !input.ec2Configuration && !input.updateConfigurationInheritance) {
      throw invalid("Give at least one of ecrConfiguration, ec2Configuration or updateConfigurationInheritance.");
    }
    const state = targetState(env, input.accountId);
    const ecr = input.ecrConfiguration;
    if (ecr) {
      state.configuration.ecr = {
        rescanDuration: ecr.rescanDuration,
        ...(ecr.pullDateRescanDuration ? { pullDateRescanDuration: ecr.pullDateRescanDuration } : {}),
        ...(ecr.pullDateRescanMode ? { pullDateRescanMode: ecr.pullDateRescanMode } : {}),
        updatedAt: env.now,
      };
    }
    const ec2 = input.ec2Configuration;
    if (ec2) state.configuration.ec2 = { scanMode: ec2.scanMode, ...(ec2.activateVMScanner != null ? { activateVMScanner: ec2.activateVMScanner } : {}) };
    return {};
  }),

  GetEc2DeepInspectionConfiguration: handler<Record<string, never>>((_, env) => deepInspectionWire(env)),

  UpdateEc2DeepInspectionConfiguration: handler<{ activateDeepInspection?: boolean | null; packagePaths?: string[] | null }>((input, env) => {
    if (input.activateDeepInspection === true && enabledSince(env.state, "EC2", env.now, env.timing.transitionMs) === undefined) {
      throw invalid("Deep inspection needs EC2 scanning to be ENABLED in this account first (Enable with resourceTypes EC2).", "activateDeepInspection");
    }
    if (input.activateDeepInspection != null) env.state.deepInspection.activated = input.activateDeepInspection;
    if (input.packagePaths != null) env.state.deepInspection.packagePaths = [...input.packagePaths];
    return deepInspectionWire(env);
  }),

  UpdateOrgEc2DeepInspectionConfiguration: handler<{ orgPackagePaths: string[] }>((input, env) => {
    const org = organizationState(env);
    if (org === undefined || !isDelegatedAdmin(env)) throw accessDenied(`Account ${env.accountId} is not the Amazon Inspector delegated administrator of an organization.`);
    org.orgPackagePaths = [...input.orgPackagePaths];
    return {};
  }),

  BatchGetMemberEc2DeepInspectionStatus: handler<{ accountIds?: string[] | null }>((input, env) => {
    const ids = input.accountIds && input.accountIds.length > 0 ? input.accountIds : [env.accountId];
    const accountIds: Record<string, unknown>[] = [];
    const failedAccountIds: Record<string, unknown>[] = [];
    for (const accountId of new Set(ids)) {
      if (!administers(env, accountId)) {
        failedAccountIds.push({ accountId, errorMessage: `Account ${accountId} is not the caller's account nor an associated member.` });
        continue;
      }
      const state = env.store.partition(accountId, env.region, env.now);
      accountIds.push({ accountId, status: state.deepInspection.activated ? "ACTIVATED" : "DEACTIVATED" });
    }
    return { accountIds, failedAccountIds };
  }),

  BatchUpdateMemberEc2DeepInspectionStatus: handler<{ accountIds: { accountId: string; activateDeepInspection: boolean }[] }>((input, env) => {
    if (!isDelegatedAdmin(env)) throw accessDenied(`Account ${env.accountId} is not the Amazon Inspector delegated administrator of an organization.`);
    const accountIds: Record<string, unknown>[] = [];
    const failedAccountIds: Record<string, unknown>[] = [];
    for (const item of input.accountIds) {
      if (!administers(env, item.accountId)) {
        failedAccountIds.push({ accountId: item.accountId, errorMessage: `Account ${item.accountId} is not an associated member.` });
        continue;
      }
      const state = env.store.partition(item.accountId, env.region, env.now);
      state.deepInspection.activated = item.activateDeepInspection;
      accountIds.push({ accountId: item.accountId, status: item.activateDeepInspection ? "ACTIVATED" : "DEACTIVATED" });
    }
    return { accountIds, failedAccountIds };
  }),

  GetEncryptionKey: handler<{ scanType: string; resourceType: string }>((input, env) => {
    const key = env.state.encryptionKeys.get(keyOf(input));
    if (key === undefined) throw notFound(`No customer managed key is set for ${input.scanType} scans of ${input.resourceType}; an AWS owned key is used.`);
    return { kmsKeyId: key };
  }),

  UpdateEncryptionKey: handler<{ kmsKeyId: string; scanType: string; resourceType: string }>((input, env) => {
    env.state.encryptionKeys.set(keyOf(input), input.kmsKeyId);
    return {};
  }),

  ResetEncryptionKey: handler<{ scanType: string; resourceType: string }>((input, env) => {
    if (!env.state.encryptionKeys.delete(keyOf(input))) {
      throw notFound(`No customer managed key is set for ${input.scanType} scans of ${input.resourceType}; an AWS owned key is already used.`);
    }
    return {};
  }),
};
