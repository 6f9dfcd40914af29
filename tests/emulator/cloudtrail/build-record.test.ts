import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { INSPECTOR_OPERATIONS, inspectorModel } from "../../../model/service-model.js";
import { buildRecord, EVENT_VERSION, INSPECTOR_API_VERSION } from "../../../emulator/cloudtrail/build-record.js";
import { loggingModeOf, OPERATION_CLASSES } from "../../../emulator/cloudtrail/logging-mode.js";
import { ACCOUNT, completedCall, contextFor, ok, principals } from "./helpers.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ARN = `arn:aws:inspector:us-west-2:${ACCOUNT}:target/0-abc`;
const OTHER_READ = ["GetAssessmentReport", "GetExclusionsPreview", "GetTelemetryMetadata", "PreviewAgents"];

/** A successful output as the service would send it: `{}` for the nine operations without an output shape. */
function outputFor(op: string): Record<string, unknown> {
  return inspectorModel.operations[op]!.output === undefined ? {} : { someArn: ARN, nested: { n: 1 } };
}

describe("logging classes", () => {
  it("classifies all 37 operations", () => {
    expect(INSPECTOR_OPERATIONS).toHaveLength(37);
    expect(OPERATION_CLASSES.size).toBe(37);
    const counts = { listDescribe: 0, otherRead: 0, mutating: 0 };
    for (const c of OPERATION_CLASSES.values()) counts[c] += 1;
    // 9 List* (ListTagsForResource among them) + 8 Describe*; 4 other reads; 16 mutating (facts table 1.2).
    expect(counts).toEqual({ listDescribe: 17, otherRead: 4, mutating: 16 });
    for (const op of OTHER_READ) expect(OPERATION_CLASSES.get(op)).toBe("otherRead");
    expect(OPERATION_CLASSES.get("ListTagsForResource")).toBe("listDescribe");
  });

  it("returns undefined for names outside the model", () => {
    expect(loggingModeOf("ListThings", "2020")).toBeUndefined();
  });
});

describe("buildRecord: every operation in both editions", () => {
  for (const edition of ["2020", "2017"] as const) {
    for (const op of INSPECTOR_OPERATIONS) {
      it(`${edition} ${op}`, () => {
        const request = op === "DescribeCrossAccountAccessRole" ? {} : { assessmentTargetArn: ARN, maxResults: 5 };
        const output = outputFor(op);
        const call = completedCall(op, request, ok(output));
        const rec = buildRecord(call, { rulesEdition: edition });
        const cls = OPERATION_CLASSES.get(op);
        const logsResponse = cls === "mutating" || (cls === "otherRead" && edition === "2017");
        const empty = Object.keys(output).length === 0;
        expect(rec.responseElements).toEqual(logsResponse && !empty ? output : null);
        expect(rec.readOnly).toBe(cls !== "mutating");
        expect(rec.requestParameters).toEqual(op === "DescribeCrossAccountAccessRole" ? null : request);
        expect(rec.eventName).toBe(op);
        expect(rec.errorCode).toBeUndefined();
        expect("errorMessage" in rec).toBe(false);
      });
    }
  }

  it("edition decides only the four other read operations", () => {
    for (const op of INSPECTOR_OPERATIONS) {
      const call = completedCall(op, { a: 1 }, ok(outputFor(op)));
      const a = buildRecord(call, { rulesEdition: "2020" });
      const b = buildRecord(call, { rulesEdition: "2017" });
      const differs = JSON.stringify(a.responseElements) !== JSON.stringify(b.responseElements);
      expect(differs).toBe(OTHER_READ.includes(op));
    }
  });
});

describe("buildRecord: fixed and correlated fields", () => {
  it("fills the always-present and applicable optional fields", () => {
    const ctx = contextFor(principals().IAMUser, "eu-central-1");
    const rec = buildRecord(completedCall("CreateResourceGroup", { resourceGroupTags: [{ key: "Name", value: "x" }] }, ok({ resourceGroupArn: ARN }), ctx), { rulesEdition: "2020" });
    expect(rec).toMatchObject({
      eventVersion: "1.11",
      eventSource: "inspector.amazonaws.com",
      eventType: "AwsApiCall",
      eventCategory: "Management",
      managementEvent: true,
      apiVersion: "v20160216",
      awsRegion: "eu-central-1",
      recipientAccountId: ACCOUNT,
      requestID: ctx.requestId,
      sourceIPAddress: ctx.sourceIp,
      userAgent: ctx.userAgent,
      readOnly: false,
      responseElements: { resourceGroupArn: ARN },
    });
    expect(EVENT_VERSION).toBe("1.11");
    expect(INSPECTOR_API_VERSION).toBe("v20160216");
    expect(rec.eventID).toMatch(UUID);
  });

  it("has every top-level key of AWS's own Inspector example record", () => {
    const example = JSON.parse(
      readFileSync(new URL("../../../fixtures/aws-examples/amazon-inspector-user-guide--logging-using-cloudtrail@c0866d3__block00__AssumedRole.json.txt", import.meta.url), "utf8"),
    ) as Record<string, unknown>;
    const rec = buildRecord(completedCall("CreateResourceGroup", example.requestParameters, ok(example.responseElements as Record<string, unknown>)), { rulesEdition: "2020" });
    for (const key of Object.keys(example)) expect(rec).toHaveProperty(key);
    expect(rec.apiVersion).toBe(example.apiVersion);
    expect(rec.eventSource).toBe(example.eventSource);
    expect(rec.responseElements).toEqual(example.responseElements);
  });

  it("eventTime is ISO-8601 UTC in whole seconds: endedAt truncated, never after endedAt", () => {
    const ctx = contextFor(principals().Root, "us-east-1", new Date("2026-03-04T05:06:07.900Z"));
    const endedAt = new Date("2026-03-04T05:06:09.450Z");
    const rec = buildRecord(completedCall("ListRulesPackages", {}, ok({ rulesPackageArns: [] }), ctx, endedAt), { rulesEdition: "2020" });
    expect(rec.eventTime).toBe("2026-03-04T05:06:09Z");
    const sameSecond = buildRecord(completedCall("ListRulesPackages", {}, ok({ rulesPackageArns: [] }), ctx, new Date("2026-03-04T05:06:07.950Z")), { rulesEdition: "2020" });
    // Inside [startedAt truncated to the second, endedAt].
    expect(sameSecond.eventTime).toBe("2026-03-04T05:06:07Z");
  });

  it("eventIDs are unique random UUIDs", () => {
    const ids = new Set(Array.from({ length: 200 }, () => buildRecord(completedCall("ListFindings", {}, ok({ findingArns: [] })), { rulesEdition: "2020" }).eventID));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(UUID);
  });

  it("copies request and response, so later mutation does not change the record", () => {
    const request = { assessmentTargetName: "t" };
    const output = { assessmentTargetArn: ARN };
    const rec = buildRecord(completedCall("CreateAssessmentTarget", request, ok(output)), { rulesEdition: "2020" });
    request.assessmentTargetName = "changed";
    output.assessmentTargetArn = "changed";
    expect(rec.requestParameters).toEqual({ assessmentTargetName: "t" });
    expect(rec.responseElements).toEqual({ assessmentTargetArn: ARN });
  });

  it("requestParameters is null when the body was absent or unparseable", () => {
    const rec = buildRecord(completedCall("ListAssessmentTargets", null, ok({ assessmentTargetArns: [] })), { rulesEdition: "2020" });
    expect(rec.requestParameters).toBeNull();
  });

  it("cuts userAgent at 1 KB", () => {
    const ctx = { ...contextFor(principals().IAMUser), userAgent: "é".repeat(700) };
    const rec = buildRecord(completedCall("ListFindings", {}, ok({ findingArns: [] }), ctx), { rulesEdition: "2020" });
    expect(Buffer.byteLength(rec.userAgent)).toBe(1024);
    expect(rec.userAgent).toBe("é".repeat(512));
  });

  it("rejects an operation that Inspector Classic does not have", () => {
    expect(() => buildRecord(completedCall("ListCoverage", {}, ok({})), { rulesEdition: "2020" })).toThrow(TypeError);
  });
});

describe("buildRecord: failed calls", () => {
  for (const op of ["CreateAssessmentTarget", "ListFindings", "GetAssessmentReport", "DeleteAssessmentRun"]) {
    it(`${op}: errorCode, errorMessage, responseElements null (both editions)`, () => {
      for (const edition of ["2020", "2017"] as const) {
        const call = completedCall(op, { assessmentRunArn: ARN }, {
          ok: false,
          error: { type: "NoSuchEntityException", status: 400, message: "no such run", fields: { errorCode: "ASSESSMENT_RUN_DOES_NOT_EXIST", canRetry: false } },
        });
        const rec = buildRecord(call, { rulesEdition: edition });
        expect(rec.errorCode).toBe("NoSuchEntityException");
        expect(rec.errorMessage).toBe("no such run");
        expect(rec.responseElements).toBeNull();
        expect(rec.requestParameters).toEqual({ assessmentRunArn: ARN });
      }
    });
  }
});

describe("buildRecord: userIdentity per principal kind", () => {
  const p = principals();
  const build = (principal: (typeof p)[keyof typeof p]) =>
    buildRecord(completedCall("ListFindings", {}, ok({ findingArns: [] }), contextFor(principal)), { rulesEdition: "2020" }).userIdentity;

  it("IAMUser", () => {
    expect(build(p.IAMUser)).toEqual({
      type: "IAMUser", principalId: "AIDACKCEVSQ6C2EXAMPLE", arn: `arn:aws:iam::${ACCOUNT}:user/dev/Alice`,
      accountId: ACCOUNT, accessKeyId: "AKIAIOSFODNN7EXAMPLE", userName: "Alice",
    });
  });

  it("Root without and with alias", () => {
    expect(build(p.Root)).toEqual({ type: "Root", principalId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT, accessKeyId: "AKIAROOTROOTEXAMPLE1" });
    expect(build(p.RootWithAlias)).toMatchObject({ type: "Root", userName: "my-alias" });
  });

  it("AssumedRole", () => {
    expect(build(p.AssumedRole)).toEqual({
      type: "AssumedRole",
      principalId: "AROAEXAMPLEROLEID123:sess-1",
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Auditor/sess-1`,
      accountId: ACCOUNT,
      accessKeyId: "ASIAROLEROLEEXAMPLE1",
      sessionContext: {
        sessionIssuer: { type: "Role", principalId: "AROAEXAMPLEROLEID123", arn: `arn:aws:iam::${ACCOUNT}:role/service/Auditor`, accountId: ACCOUNT, userName: "Auditor" },
        webIdFederationData: {},
        attributes: { creationDate: "2026-01-02T03:04:05Z", mfaAuthenticated: "true" },
      },
    });
  });

  it("AssumedRole with a source identity", () => {
    const withSource = { ...p.AssumedRole, sourceIdentity: "alice" } as typeof p.AssumedRole;
    expect(build(withSource).sessionContext?.sourceIdentity).toBe("alice");
  });

  it("FederatedUser issued by an IAM user and by root", () => {
    expect(build(p.FederatedUser)).toEqual({
      type: "FederatedUser",
      principalId: `${ACCOUNT}:Bob`,
      arn: `arn:aws:sts::${ACCOUNT}:federated-user/Bob`,
      accountId: ACCOUNT,
      accessKeyId: "ASIAFEDFEDFEDEXAMPLE",
      sessionContext: {
        sessionIssuer: { type: "IAMUser", principalId: "AIDACKCEVSQ6C2EXAMPLE", arn: `arn:aws:iam::${ACCOUNT}:user/Alice`, accountId: ACCOUNT, userName: "Alice" },
        attributes: { creationDate: "2026-01-02T03:04:05Z", mfaAuthenticated: "false" },
      },
    });
    const root = build(p.FederatedRoot);
    expect(root.sessionContext?.sessionIssuer).toEqual({ type: "Root", principalId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT });
    expect(root).not.toHaveProperty("userName");
  });
});
