/**
 * The reference emulator assembled: accounts, SigV4 authentication, STS, Inspector Classic and the
 * CloudTrail recorder behind one transport-independent request handler.
 */
import { AccountDirectory, defaultAccountDirectory, principalArn, readAccountDirectoryFile } from "./accounts/index.js";
import { Authenticator, SessionStore } from "./auth/index.js";
import { CloudTrailService, type CloudTrailOptions } from "./cloudtrail/index.js";
import { createRouter } from "./core/router.js";
import type { WireRequest, WireResponse } from "./core/types.js";
import { InspectorService } from "./inspector/service.js";
import { StsService, toStsAuthError } from "./sts/index.js";

/** What an emulator is built from; every field has a documented default. */
export interface EmulatorOptions extends CloudTrailOptions {
  /** Account directory; default: defaultAccountDirectory() (README, "Default account"). */
  accounts?: AccountDirectory;
  /** Path of an accounts JSON file, read when `accounts` is not given. */
  accountsFile?: string;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Emulator faults to enable, by name (README "What the emulator records"); default none. */
  faults?: readonly string[];
}

/** A reference emulator instance. */
export interface Emulator {
  /** Handles one wire request; never throws. */
  handle(req: WireRequest): Promise<WireResponse>;
  accounts: AccountDirectory;
  inspector: InspectorService;
  cloudtrail: CloudTrailService;
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
  const inspector = new InspectorService({ clock });
  const cloudtrail = new CloudTrailService({ ...options, clock, accessKeyIds: () => accessKeyIdsOf(accounts) });
  const handle = createRouter(
    {
      authenticate: (req) => authenticator.authenticate(req),
      deniedCaller: (principal, action) => (accounts.isDenied(principal, action) ? principalArn(principal) : undefined),
      inspector,
      cloudtrail,
      sts: { handle: (form, principal, requestId) => sts.handle(form, principal, requestId), authError: toStsAuthError },
    },
    { clock, ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}) },
  );
  return { handle, accounts, inspector, cloudtrail, close: () => cloudtrail.close() };
}
