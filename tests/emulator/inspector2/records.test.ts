/**
 * Inspector v2 records beyond the per-operation checks: the emulator's rule table against the
 * facts (39 read and 42 mutating operations, 12 without output), LookupEvents keeping Classic and
 * v2 apart by EventSource, trail files holding both, identity for every caller kind, and faults
 * enabled through EmulatorOptions seen through the SDK.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { ListRulesPackagesCommand } from "@aws-sdk/client-inspector";
import { afterEach, describe, expect, it } from "vitest";
import { INSPECTOR2_CLASSES } from "../../../emulator/inspector2/cloudtrail-rules.js";
import { hasEmptyOutput } from "../../../model/http-bindings.js";
import { INSPECTOR2_OPERATIONS, inspector2Model } from "../../../model/inspector2-model.js";
import { cloudTrailClient, credentialsFor, inspectorClient, startEmulator, USER_CREDENTIALS, type IdentityKind } from "../e2e/transports.js";
import { inspector2Client, lookupBySource, send } from "./sdk.js";

/** The 12 operations whose output has no members (facts file §1, from the model). */
const EMPTY_OUTPUT = [
  "DeleteConnector", "ResetEncryptionKey", "SendCisSessionHealth", "SendCisSessionTelemetry", "StartCisSession", "StopCisSession",
  "TagResource", "UntagResource", "UpdateConfiguration", "UpdateConnectorScanConfiguration", "UpdateEncryptionKey", "UpdateOrgEc2DeepInspectionConfiguration",
];

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("the emulator's v2 rule table", () => {
  it("classes 39 operations as read (List, Get, Describe, BatchGet, Search) and 42 as mutating; 12 have no output", () => {
    const reads = INSPECTOR2_OPERATIONS.filter((op) => INSPECTOR2_CLASSES.get(op) === "read");
    expect(reads).toHaveLength(39);
    expect(reads.every((op) => /^(List|Get|Describe|BatchGet|Search)/.test(op))).toBe(true);
    expect(INSPECTOR2_OPERATIONS.filter((op) => INSPECTOR2_CLASSES.get(op) === "mutating")).toHaveLength(42);
    expect(INSPECTOR2_OPERATIONS.filter((op) => hasEmptyOutput(inspector2Model, op))).toEqual(EMPTY_OUTPUT);
    // The model's readonly trait agrees where it is given.
    for (const op of INSPECTOR2_OPERATIONS) if (inspector2Model.operations[op]!.readonly) expect(INSPECTOR2_CLASSES.get(op)).toBe("read");
  });
});

describe("v2 records next to Classic ones", () => {
  it("LookupEvents by EventSource keeps the services apart; trail files hold both; every identity kind is named", async () => {
    const trailDir = mkdtempSync(join(tmpdir(), "trail-v2-"));
    dirs.push(trailDir);
    const target = await startEmulator("in-process", { trailDir, trailIntervalMs: 600_000 });
    const ids: Record<string, string> = {};
    try {
      for (const kind of ["IAMUser", "Root", "AssumedRole", "FederatedUser"] as IdentityKind[]) {
        const out = await send(inspector2Client(target, await credentialsFor(target, kind, `v2-${kind}`)), "ListFilters", {});
        ids[kind] = out.requestId;
      }
      const classic = await inspectorClient(target, USER_CREDENTIALS).send(new ListRulesPackagesCommand({}));
      const ct = cloudTrailClient(target, USER_CREDENTIALS);
      const v2 = await lookupBySource(ct, "inspector2.amazonaws.com");
      expect(v2.map((e) => e.record.requestID).sort()).toEqual(Object.values(ids).sort());
      for (const [kind, id] of Object.entries(ids)) expect((v2.find((e) => e.record.requestID === id)!.record["userIdentity"] as { type: string }).type).toBe(kind);
      expect(v2.every((e) => e.record["apiVersion"] === undefined)).toBe(true);
      const v1 = await lookupBySource(ct, "inspector.amazonaws.com");
      expect(v1.map((e) => e.record.requestID)).toEqual([classic.$metadata.requestId]);
      expect(v1[0]!.record["apiVersion"]).toBe("v20160216");
    } finally {
      await target.close();
    }
    const files = readdirSync(trailDir, { recursive: true, encoding: "utf8" }).map((f) => join(trailDir, f)).filter((f) => statSync(f).isFile());
    const records = files.flatMap((f) => (JSON.parse(gunzipSync(readFileSync(f)).toString("utf8")) as { Records: { eventSource: string }[] }).Records);
    expect(records.filter((r) => r.eventSource === "inspector2.amazonaws.com")).toHaveLength(4);
    expect(records.filter((r) => r.eventSource === "inspector.amazonaws.com")).toHaveLength(1);
  });
});

describe("v2 faults through EmulatorOptions, seen through the SDK and LookupEvents", () => {
  async function recordWith(faults: string[], operation: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    const target = await startEmulator("in-process", { faults });
    try {
      const out = await send(inspector2Client(target, USER_CREDENTIALS), operation, input);
      const found = (await lookupBySource(cloudTrailClient(target, USER_CREDENTIALS), "inspector2.amazonaws.com")).filter((e) => e.record.requestID === out.requestId);
      expect(found).toHaveLength(1);
      const { eventID: _, requestID: __, eventTime: ___, ...rest } = found[0]!.record;
      return rest;
    } finally {
      await target.close();
    }
  }

  it("v2-request-parameters-without-bound-members drops the path and query members, nothing else", async () => {
    const input = { resourceArn: "arn:aws:inspector2:us-east-1:111122223333:owner/111122223333/filter/0000000000000000", tagKeys: ["a"] };
    const faithful = await recordWith([], "UntagResource", input);
    const faulty = await recordWith(["v2-request-parameters-without-bound-members"], "UntagResource", input);
    expect(faithful["requestParameters"]).toEqual(input);
    expect(faulty).toEqual({ ...faithful, requestParameters: {} });
  });

  it("v2-event-name-from-http names the call POST.inspector2", async () => {
    const faithful = await recordWith([], "ListFindings", {});
    const faulty = await recordWith(["v2-event-name-from-http"], "ListFindings", {});
    expect(faulty).toEqual({ ...faithful, eventName: "POST.inspector2" });
  });
});
