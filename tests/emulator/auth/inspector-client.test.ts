/**
 * The real Inspector Classic SDK client (@aws-sdk/client-inspector, JSON 1.1) signs requests that the
 * Authenticator accepts, and parses the authentication errors it renders as AWS's JSON errors.
 */
import { InspectorClient, ListRulesPackagesCommand } from "@aws-sdk/client-inspector";
import { describe, expect, it } from "vitest";
import { DEFAULT_USER_ACCESS_KEY, defaultAccountDirectory } from "../../../emulator/accounts/index.js";
import { Authenticator, SessionStore } from "../../../emulator/auth/index.js";
import type { WireRequest, WireResponse } from "../../../emulator/core/types.js";
import { inProcessHandler } from "./in-process-handler.js";

function client(credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }, clockOffsetMs = 0) {
  const auth = new Authenticator(defaultAccountDirectory(), new SessionStore(), () => new Date(Date.now() + clockOffsetMs));
  const seen: WireRequest[] = [];
  const serve = async (req: WireRequest): Promise<WireResponse> => {
    const outcome = await auth.authenticate(req);
    const headers = { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "11111111-2222-3333-4444-555555555555" };
    if (!outcome.ok) return { status: outcome.error.status, headers, body: JSON.stringify({ __type: outcome.error.type, message: outcome.error.message }) };
    return { status: 200, headers, body: JSON.stringify({ rulesPackageArns: [`arn:aws:inspector:${outcome.region}:758058086616:rulespackage/0-9hgA516p`] }) };
  };
  const c = new InspectorClient({ region: "us-west-2", credentials, requestHandler: inProcessHandler(serve, seen), maxAttempts: 1 });
  return { c, seen };
}

describe("Authenticator with @aws-sdk/client-inspector", () => {
  it("accepts the SDK's own signature", async () => {
    const { c, seen } = client(DEFAULT_USER_ACCESS_KEY);
    const out = await c.send(new ListRulesPackagesCommand({}));
    expect(out.rulesPackageArns).toEqual(["arn:aws:inspector:us-west-2:758058086616:rulespackage/0-9hgA516p"]);
    expect(seen[0]!.headers["authorization"]).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/\d{8}\/us-west-2\/inspector\/aws4_request/);
  });

  it("surfaces UnrecognizedClientException for an unknown key", async () => {
    const { c } = client({ accessKeyId: "AKIAUNKNOWNUNKNOWN00", secretAccessKey: "z".repeat(40) });
    await expect(c.send(new ListRulesPackagesCommand({}))).rejects.toMatchObject({
      name: "UnrecognizedClientException",
      message: "The security token included in the request is invalid.",
      $metadata: { httpStatusCode: 400 },
    });
  });

  it("surfaces InvalidSignatureException for a wrong secret", async () => {
    const { c } = client({ ...DEFAULT_USER_ACCESS_KEY, secretAccessKey: "w".repeat(40) });
    await expect(c.send(new ListRulesPackagesCommand({}))).rejects.toMatchObject({ name: "InvalidSignatureException" });
  });

  it("surfaces 'Signature expired' when the server clock is ahead by more than 5 minutes", async () => {
    const { c } = client(DEFAULT_USER_ACCESS_KEY, 6 * 60_000);
    await expect(c.send(new ListRulesPackagesCommand({}))).rejects.toMatchObject({
      name: "InvalidSignatureException",
      message: expect.stringMatching(/^Signature expired: \d{8}T\d{6}Z is now earlier than/),
    });
  });
});
