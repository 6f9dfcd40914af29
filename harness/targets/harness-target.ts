/**
 * What every target built here offers beyond harness/targets/target.ts's `Target`: an STS client per
 * identity (for the probe) and the identity provisioner behind `provision`.
 */
import type { STSClient } from "@aws-sdk/client-sts";
import type { IdentityProvisioner } from "./identities.js";
import type { Credentials, Target } from "./target.js";
import type { ServiceEndpoints } from "./service-clients.js";

/** A Target with its STS client and identity provisioner exposed. */
export interface HarnessTarget extends Target {
  /** An STS client signed with `identity`. */
  sts(identity: Credentials): STSClient;
  /** The provisioner `provision` delegates to (it caches by kind and name). */
  identities: IdentityProvisioner;
  /** Each service's endpoint URL; a missing one is AWS's own (or the embedded emulator's msw mount). */
  endpoints: ServiceEndpoints;
  /**
   * True when the target stores each CloudTrail record before it answers the call (the embedded
   * emulator without a delivery delay): a record not there at the first look never comes.
   */
  recordsAtOnce?: boolean;
}
