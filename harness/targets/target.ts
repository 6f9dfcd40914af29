/**
 * What a target is to the harness: SDK clients per identity, the identities it can provide (or why
 * not), and a lifecycle. Targets: `embedded` (the reference emulator in-process through msw),
 * `endpoint` (any emulator at AWS_ENDPOINT_URL), `aws` (a real account).
 */
import type { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import type { ExpectedIdentity, IdentityKind } from "../../history/observed-call.js";
import type { ServiceId } from "../../model/services.js";
import type { InspectorSdkClient } from "./service-clients.js";

/** Credentials as the SDK takes them. Never written to the history or a report. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** A caller the harness can sign as, with what the oracles must expect of its records. */
export interface ProvisionedIdentity {
  kind: IdentityKind;
  credentials: Credentials;
  /** From how the credentials were obtained and STS GetCallerIdentity; never from a record. */
  expected: ExpectedIdentity;
}

/** Whether the target can provide an identity kind; `na` says why not. */
export type IdentityAvailability =
  | { kind: IdentityKind; status: "available"; identity: ProvisionedIdentity }
  | { kind: IdentityKind; status: "na"; reason: string };

/** Target names of CONFORMANCE_TARGET, in the order the README lists them. */
export const TARGET_NAMES = ["embedded", "endpoint", "aws"] as const;
/** A target name of CONFORMANCE_TARGET. */
export type TargetName = (typeof TARGET_NAMES)[number];

/** A place the suite runs against. */
export interface Target {
  name: TargetName;
  /** Endpoint URL shown in reports; undefined for the embedded target and for AWS's own endpoints. */
  endpoint: string | undefined;
  region: string;
  /** The client of a checked service (Inspector Classic or v2) signed as `identity`. */
  client(service: ServiceId, identity: Credentials): InspectorSdkClient;
  /** A CloudTrail client signed as `identity` (the collector uses the base IAM user). */
  cloudtrail(identity: Credentials): CloudTrailClient;
  /**
   * Provisions one identity of `kind`. For AssumedRole and FederatedUser `name` is the session or
   * federated user name. Resolves `na` (with the reason) when the target cannot provide it.
   */
  provision(kind: IdentityKind, name?: string): Promise<IdentityAvailability>;
  /** Stops what the target started (servers, interceptors); idempotent. */
  close(): Promise<void>;
}
