/**
 * Faults enabled through EmulatorOptions.faults, driven by the AWS SDK in-process with credentials
 * obtained as a user would (long-term keys, STS AssumeRole, STS GetFederationToken): the record read
 * back through LookupEvents differs from a faithful emulator's by exactly the fault's change.
 */
import { ListRulesPackagesCommand } from "@aws-sdk/client-inspector";
import { describe, expect, it } from "vitest";
import { DEFAULT_ROOT_ACCESS_KEY, DEFAULT_USER_ACCESS_KEY } from "../../../emulator/accounts/index.js";
import type { FaultName } from "../../../emulator/faults/catalogue.js";
import { recordsForRequest, type ParsedRecord } from "../e2e/read-back.js";
import { cloudTrailClient, credentialsFor, inspectorClient, startEmulator, USER_CREDENTIALS, type IdentityKind } from "../e2e/transports.js";

type Rec = Record<string, unknown>;

/** One ListRulesPackages call as `kind` on an emulator with `faults`; its record as LookupEvents returns it. */
async function recordOf(kind: IdentityKind, faults: FaultName[]): Promise<{ record: ParsedRecord; accessKeyId: string }> {
  const target = await startEmulator("in-process", { faults });
  try {
    const credentials = await credentialsFor(target, kind, "fault-session");
    const out = await inspectorClient(target, credentials).send(new ListRulesPackagesCommand({}));
    const records = await recordsForRequest(cloudTrailClient(target, USER_CREDENTIALS), "ListRulesPackages", out.$metadata.requestId!);
    expect(records).toHaveLength(1);
    return { record: records[0]!, accessKeyId: credentials.accessKeyId };
  } finally {
    await target.close();
  }
}

/** Blanks what differs between two runs anyway: ids, times, temporary keys. */
function normalized(record: Rec): Rec {
  const r = structuredClone(record);
  for (const k of ["eventID", "requestID", "eventTime"]) if (k in r) r[k] = "*";
  const id = r["userIdentity"] as Rec | undefined;
  if (id !== undefined && typeof id["accessKeyId"] === "string" && id["accessKeyId"].startsWith("ASIA")) id["accessKeyId"] = "ASIA*";
  const attributes = (id?.["sessionContext"] as Rec | undefined)?.["attributes"] as Rec | undefined;
  if (attributes !== undefined) attributes["creationDate"] = "*";
  return r;
}

const identityOf = (r: Rec) => r["userIdentity"] as Rec;

const CASES: { fault: FaultName; kind: IdentityKind; change: (faithful: Rec, accessKeyId: string) => void }[] = [
  { fault: "assumed-role-as-iam-user", kind: "AssumedRole", change: (r) => (identityOf(r)["type"] = "IAMUser") },
  { fault: "assumed-role-without-session-context", kind: "AssumedRole", change: (r) => delete identityOf(r)["sessionContext"] },
  { fault: "federated-user-without-issuer", kind: "FederatedUser", change: (r) => delete (identityOf(r)["sessionContext"] as Rec)["sessionIssuer"] },
  { fault: "root-with-user-name", kind: "Root", change: (r) => (identityOf(r)["userName"] = "root") },
  // The default directory has two long-term keys: the root's and the IAM user's.
  { fault: "other-access-key", kind: "IAMUser", change: (r) => (identityOf(r)["accessKeyId"] = DEFAULT_ROOT_ACCESS_KEY.accessKeyId) },
  { fault: "read-only-as-string", kind: "IAMUser", change: (r) => (r["readOnly"] = "true") },
  { fault: "drop-eventVersion", kind: "IAMUser", change: (r) => delete r["eventVersion"] },
];

describe("faults through EmulatorOptions.faults, driven by the SDK", () => {
  for (const { fault, kind, change } of CASES) {
    it(`${fault} (${kind})`, async () => {
      const faithful = await recordOf(kind, []);
      const faulty = await recordOf(kind, [fault]);
      const expected = normalized(faithful.record);
      change(expected, faulty.accessKeyId);
      expect(normalized(faulty.record)).toEqual(expected);
      expect(normalized(faulty.record)).not.toEqual(normalized(faithful.record));
    });
  }

  it("other-access-key names a key that did not sign the call", async () => {
    const { record } = await recordOf("IAMUser", ["other-access-key"]);
    expect(identityOf(record)["accessKeyId"]).not.toBe(DEFAULT_USER_ACCESS_KEY.accessKeyId);
  });
});
