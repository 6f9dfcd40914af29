/**
 * Calls made as each of the four identity kinds produce the userIdentity that AWS documents for it
 * (CloudTrail user guide, "CloudTrail userIdentity element"; examples in fixtures/aws-examples):
 * IAMUser, Root, AssumedRole (STS AssumeRole) and FederatedUser (STS GetFederationToken).
 */
import { ListRulesPackagesCommand } from "@aws-sdk/client-inspector";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_ROLE_ID,
  DEFAULT_ROLE_NAME,
  DEFAULT_USER_ID,
  DEFAULT_USER_NAME,
} from "../../../emulator/accounts/index.js";
import { recordsForRequest } from "./read-back.js";
import {
  cloudTrailClient,
  credentialsFor,
  inspectorClient,
  startEmulator,
  stsClient,
  USER_CREDENTIALS,
  type EmulatorUnderTest,
  type IdentityKind,
  type TransportName,
} from "./transports.js";

const acct = DEFAULT_ACCOUNT_ID;
const userArn = `arn:aws:iam::${acct}:user/${DEFAULT_USER_NAME}`;

/** The documented userIdentity for each kind, given the access key used. */
function expectedIdentity(kind: IdentityKind, accessKeyId: string, session: string): Record<string, unknown> {
  switch (kind) {
    case "IAMUser":
      return { type: "IAMUser", principalId: DEFAULT_USER_ID, arn: userArn, accountId: acct, accessKeyId, userName: DEFAULT_USER_NAME };
    case "Root":
      return { type: "Root", principalId: acct, arn: `arn:aws:iam::${acct}:root`, accountId: acct, accessKeyId };
    case "AssumedRole":
      return {
        type: "AssumedRole",
        principalId: `${DEFAULT_ROLE_ID}:${session}`,
        arn: `arn:aws:sts::${acct}:assumed-role/${DEFAULT_ROLE_NAME}/${session}`,
        accountId: acct,
        accessKeyId,
        sessionContext: {
          sessionIssuer: {
            type: "Role",
            principalId: DEFAULT_ROLE_ID,
            arn: `arn:aws:iam::${acct}:role/${DEFAULT_ROLE_NAME}`,
            accountId: acct,
            userName: DEFAULT_ROLE_NAME,
          },
          webIdFederationData: {},
          attributes: { mfaAuthenticated: "false" },
        },
      };
    case "FederatedUser":
      return {
        type: "FederatedUser",
        principalId: `${acct}:${session}`,
        arn: `arn:aws:sts::${acct}:federated-user/${session}`,
        accountId: acct,
        accessKeyId,
        sessionContext: {
          sessionIssuer: { type: "IAMUser", principalId: DEFAULT_USER_ID, arn: userArn, accountId: acct, userName: DEFAULT_USER_NAME },
          attributes: { mfaAuthenticated: "false" },
        },
      };
  }
}

for (const transport of ["in-process", "loopback"] as TransportName[]) {
  describe(`identity kinds (${transport})`, () => {
    let target: EmulatorUnderTest;
    beforeAll(async () => {
      target = await startEmulator(transport);
    });
    afterAll(async () => target.close());

    it.each(["IAMUser", "Root", "AssumedRole", "FederatedUser"] as IdentityKind[])("%s", async (kind) => {
      const session = `s-${kind.toLowerCase()}`;
      const creds = await credentialsFor(target, kind, session);
      const caller = await stsClient(target, creds).send(new GetCallerIdentityCommand({}));
      const out = await inspectorClient(target, creds).send(new ListRulesPackagesCommand({}));
      const [record] = await recordsForRequest(cloudTrailClient(target, USER_CREDENTIALS), "ListRulesPackages", out.$metadata.requestId!);
      const identity = record!["userIdentity"] as Record<string, unknown>;
      expect(identity).toMatchObject(expectedIdentity(kind, creds.accessKeyId, session));
      // Temporary credentials carry ASIA keys; long-term ones AKIA (CloudTrail userIdentity page).
      expect(creds.accessKeyId.slice(0, 4)).toBe(kind === "AssumedRole" || kind === "FederatedUser" ? "ASIA" : "AKIA");
      // No userName for AssumedRole, FederatedUser or Root without an alias (the userIdentity element page's userName table).
      if (kind !== "IAMUser") expect(identity).not.toHaveProperty("userName");
      // The record and STS GetCallerIdentity agree on who called.
      expect(identity["arn"]).toBe(caller.Arn);
      if (kind !== "Root") expect(identity["principalId"]).toBe(caller.UserId);
      if (kind === "AssumedRole" || kind === "FederatedUser") {
        const created = (identity["sessionContext"] as { attributes: { creationDate: string } }).attributes.creationDate;
        expect(created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      }
    });
  });
}
