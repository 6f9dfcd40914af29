/**
 * The reference emulator assembled: accounts, SigV4 authentication, STS, IAM's ListAccountAliases,
 * Inspector Classic (JSON 1.1), Inspector v2 (rest-json) and the CloudTrail recorder behind one
 * transport-independent request handler.
 */
import { AccountDirectory, defaultAccountDirectory, principalArn, readAccountDirectoryFile } from "./accounts/index.js";
import { Authenticator, SessionStore } from "./auth/index.js";
import { CloudTrailService, type CloudTrailOptions } from "./cloudtrail/index.js";
import { createRouter } from "./core/router.js";
import type { WireRequest, WireResponse } from "./core/types.js";
import { InspectorService } from "./inspector/service.js";
import { Inspector2Service } from "./inspector2/service.js";
import type { Inspector2Timing } from "./inspector2/limits.js";
import type { CloudTrailRecord } from "./cloudtrail/index.js";
import { StsService, toStsAuthError } from "./sts/index.js";
import { IamService } from "./iam/index.js";

/** What an emulator is built from; every field has a documented default. */
export interface EmulatorOptions extends CloudTrailOptions {
  /** Account directory; default: defaultAccountDirectory() (docs/emulator.md, "Default account and credentials"). */
  accounts?: AccountDirectory;
  /** Path of an accounts JSON file, read when `accounts` is not given. */
  accountsFile?: string;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Emulator faults to enable, by name (docs/emulator.md, "What the emulator records"); default none. */
  faults?: readonly string[];
  /** Inspector v2 calls per second per account and Region above which it answers ThrottlingException; default: never throttles. */
  inspector2RequestsPerSecond?: number;
  /** Inspector v2's clock-driven transitions (docs/emulator-inspector2.md); default 50 ms / 100 ms / 100 ms. */
  inspector2Timing?: Partial<Inspector2Timing>;
}

/** The services one emulator serves, as its ready line names them. */
export const SERVED_SERVICES = ["inspector", "inspector2", "cloudtrail", "sts"] as const;

/** A reference emulator instance. */
export interface Emulator {
  /** Handles one wire request; never throws. */
  handle(req: WireRequest): Promise<WireResponse>;
  accounts: AccountDirectory;
  inspector: InspectorService;
  inspector2: Inspector2Service;
  cloudtrail: CloudTrailService;
  /** Every Inspector record so far (Classic and v2), as stored; `service` keeps one service's. */
  records(service?: "inspector" | "inspector2"): readonly CloudTrailRecord[];
  /** Delivers pending trail files and stops timers; loses no record. */
  close(): Promise<void>;
}

/** Every long-term access key id of the directory (root keys, then users' keys), for the `other-access-key` fault. */
function accessKeyIdsOf(accounts: AccountDirectory): string[] {
  return accounts.accounts.flatMap((a) => [...a.rootAccessKeys.map((k) => k.accessKeyId), ...a.users.flatMap((u) => u.accessKeys.map((k) => k.accessKeyId))]);
}

/**
 * Builds an emulator. `options.faults` enables named emulator faults (emulator/faults/catalogue.ts);
 * an unknown name throws a FaultListError listing the valid ones.
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const clock = options.clock ?? (() => new Date());
  const accounts =
    options.accounts ?? (options.accountsFile !== undefined ? readAccountDirectoryFile(options.accountsFile) : defaultAccountDirectory());
  const sessions = new SessionStore();
  const authenticator = new Authenticator(accounts, sessions, clock);
  const sts = new StsService(accounts, sessions, clock);
  const iam = new IamService(accounts);
  const inspector = new InspectorService({ clock });
  const inspector2 = new Inspector2Service({
    clock,
    organizations: accounts.organizations,
    isDenied: (principal, action) => accounts.isDenied(principal, action),
    ...(options.inspector2RequestsPerSecond !== undefined ? { requestsPerSecond: options.inspector2RequestsPerSecond } : {}),
    ...(options.inspector2Timing !== undefined ? { timing: options.inspector2Timing } : {}),
  });
  const cloudtrail = new CloudTrailService({ ...options, clock, accessKeyIds: () => accessKeyIdsOf(accounts) });
  const handle = createRouter(
    {
      authenticate: (req) => authenticator.authenticate(req),
      deniedCaller: (principal, action) => (accounts.isDenied(principal, action) ? principalArn(principal) : undefined),
      inspector,
      cloudtrail,
      sts: { handle: (form, principal, requestId) => sts.handle(form, principal, requestId), authError: toStsAuthError },
      iam,
      rest: [inspector2],
    },
    { clock, ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}) },
  );
  return { handle, accounts, inspector, inspector2, cloudtrail, records: (service) => cloudtrail.records(service), close: () => cloudtrail.close() };
}
