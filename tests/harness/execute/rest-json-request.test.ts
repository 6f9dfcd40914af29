/**
 * What a rest-json call sent, decoded from the wire by the model's bindings: path labels
 * percent-decoded, query values in their member types (lists are every value of the key), body
 * members by name; and, through the SDK over the embedded emulator, that every v2 history line holds
 * the input members as the SDK sent them.
 */
import { describe, expect, it } from "vitest";
import { decodeRestJsonRequest } from "../../../harness/execute/rest-json-request.js";
import { HistoryExecutor, targetIdentities } from "../../../harness/execute/executor.js";
import { inspector2Service } from "../../../harness/services/inspector2.js";
import { createEmbeddedTarget } from "../../../harness/targets/embedded.js";
import { inspector2Model } from "../../../model/inspector2-model.js";
import { testConfig } from "./helpers.js";

const HOST = "https://inspector2.us-east-1.amazonaws.com";
const ARN = "arn:aws:inspector2:us-east-1:111122223333:owner/111122223333/filter/abc";

describe("decodeRestJsonRequest", () => {
  it("reads a path label, percent-decoded, and a repeated query key as a list", () => {
    const got = decodeRestJsonRequest(inspector2Model, "UntagResource", {
      method: "DELETE", url: `${HOST}/tags/${encodeURIComponent(ARN)}?tagKeys=team&tagKeys=a%20b`, headers: { "x-amz-date": "20260501T120000Z" }, body: "",
    });
    expect(got.request).toEqual({ resourceArn: ARN, tagKeys: ["team", "a b"] });
    expect(got.http).toEqual({ method: "DELETE", path: `/tags/${encodeURIComponent(ARN)}`, query: { tagKeys: ["team", "a b"] }, headers: { "x-amz-date": "20260501T120000Z" }, body: "" });
  });

  it("gives query integers their type and keeps body members by name", () => {
    const got = decodeRestJsonRequest(inspector2Model, "ListCodeSecurityScanConfigurationAssociations", {
      method: "POST", url: `${HOST}/codesecurity/scan-configuration/associations/list?maxResults=7&nextToken=t1`, headers: {},
      body: JSON.stringify({ scanConfigurationArn: "arn:x" }),
    });
    expect(got.request).toEqual({ maxResults: 7, nextToken: "t1", scanConfigurationArn: "arn:x" });
  });

  it("a path member missing from the path is missing from the request, not invented", () => {
    const got = decodeRestJsonRequest(inspector2Model, "TagResource", { method: "POST", url: `${HOST}/filters/create`, headers: {}, body: JSON.stringify({ tags: { a: "b" } }) });
    expect(got.request).toEqual({ tags: { a: "b" } });
  });

  it("a body that is not JSON is kept as it came", () => {
    const got = decodeRestJsonRequest(inspector2Model, "CreateFilter", { method: "POST", url: `${HOST}/filters/create`, headers: {}, body: "{cut" });
    expect(got.request).toBe("{cut");
  });

  it("an input without members is null", () => {
    const got = decodeRestJsonRequest(inspector2Model, "DescribeOrganizationConfiguration", { method: "POST", url: `${HOST}/organizationconfiguration/describe`, headers: {}, body: "{}" });
    expect(got.request).toBeNull();
  });
});

describe("v2 calls through the HistoryExecutor (embedded emulator)", () => {
  it("each history line names inspector2 and holds the members as sent, wherever they were bound", async () => {
    const config = testConfig();
    const target = createEmbeddedTarget(config);
    try {
      const executor = new HistoryExecutor({ target, config, identities: targetIdentities(target) });
      const v2 = executor.forService(inspector2Service);
      const user = { kind: "IAMUser" as const };
      const made = await v2.call(user, "CreateFilter", { name: "history-test", action: "NONE", filterCriteria: { severity: [{ comparison: "EQUALS", value: "HIGH" }] } });
      const arn = String((made.output as { arn: string }).arn);
      await v2.call(user, "UntagResource", { resourceArn: arn, tagKeys: ["team"] });
      await v2.call(user, "GetEncryptionKey", { scanType: "CODE", resourceType: "AWS_LAMBDA_FUNCTION" });
      const [create, untag, key] = v2.calls();
      expect(executor.calls()).toHaveLength(3);
      expect(create).toMatchObject({ service: "inspector2", operation: "CreateFilter", outcome: "ok", request: { name: "history-test", action: "NONE" }, http: { method: "POST", path: "/filters/create" } });
      expect(untag).toMatchObject({ outcome: "ok", request: { resourceArn: arn, tagKeys: ["team"] }, response: {}, http: { method: "DELETE" } });
      expect(key).toMatchObject({ outcome: "error", request: { scanType: "CODE", resourceType: "AWS_LAMBDA_FUNCTION" }, error: { code: "ResourceNotFoundException", httpStatus: 404 } });
      // The history keeps the request as sent: headers (never the signature or a session token) and body.
      expect(JSON.parse(create!.http!.body!)).toMatchObject({ name: "history-test", action: "NONE" });
      expect(create!.http!.headers).toMatchObject({ "content-type": "application/json" });
      expect(Object.keys(create!.http!.headers!)).not.toContain("authorization");
      expect(create!.http!.headers!["x-amz-date"]).toMatch(/^\d{8}T\d{6}Z$/);
      expect(untag!.http).toMatchObject({ query: { tagKeys: ["team"] }, body: "" });
    } finally {
      await target.close();
    }
  });
});
