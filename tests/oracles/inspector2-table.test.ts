/** The service rule profiles: the v2 class table against the facts and the model, and the exports the harness and report call. */
import { describe, expect, it } from "vitest";
import { hasEmptyOutput } from "../../model/http-bindings.js";
import { inspector2Model, INSPECTOR2_OPERATIONS } from "../../model/inspector2-model.js";
import { INSPECTOR_OPERATIONS } from "../../model/service-model.js";
import { SERVICE_IDS } from "../../model/services.js";
import { defaultSeverity, FindingCodeSchema } from "../../oracles/finding.js";
import {
  eventSourceOf, INSPECTOR2_OPERATION_CLASSES, INSPECTOR2_RULES, loggingExpectationOf, operationRulesOf, rulesFor,
  serviceOfEventSource, unverifiedRulesOf,
} from "../../oracles/index.js";
import { isReadByName } from "./inspector2-builder.js";

const classes = Object.entries(INSPECTOR2_OPERATION_CLASSES);

describe("the v2 class table", () => {
  it("covers exactly the 81 operations of the model", () => {
    expect(INSPECTOR2_OPERATIONS).toHaveLength(81);
    expect(Object.keys(INSPECTOR2_OPERATION_CLASSES).sort()).toEqual([...INSPECTOR2_OPERATIONS]);
    expect(INSPECTOR2_RULES.operations).toEqual(INSPECTOR2_OPERATIONS);
  });

  it("has 39 reads and 42 mutating operations, by the name rule (List, Get, Describe, BatchGet, Search)", () => {
    expect(classes.filter(([, c]) => c === "read")).toHaveLength(39);
    expect(classes.filter(([, c]) => c === "mutating")).toHaveLength(42);
    for (const [op, c] of classes) expect(c, op).toBe(isReadByName(op) ? "read" : "mutating");
  });

  it("agrees with the model's readonly trait on the 5 operations that carry it", () => {
    const traited = INSPECTOR2_OPERATIONS.filter((op) => inspector2Model.operations[op]!.readonly === true);
    expect(traited).toEqual(["GetCodeSecurityScan", "GetEncryptionKey", "ListConnectorScanConfigurations", "ListConnectors", "ListTagsForResource"]);
    for (const op of traited) expect(operationRulesOf("inspector2", op)!.readOnly, op).toBe(true);
  });

  it("does not follow the HTTP method: UntagResource (DELETE) mutates, ListTagsForResource (GET) and POST reads read", () => {
    expect(inspector2Model.operations["UntagResource"]!.http.method).toBe("DELETE");
    expect(operationRulesOf("inspector2", "UntagResource")).toMatchObject({ class: "mutating", readOnly: false, mode: "request-and-response" });
    expect(operationRulesOf("inspector2", "ListTagsForResource")).toMatchObject({ class: "read", readOnly: true, mode: "request-only" });
    expect(inspector2Model.operations["ListFindings"]!.http.method).toBe("POST");
    expect(operationRulesOf("inspector2", "ListFindings")!.readOnly).toBe(true);
  });

  it("12 operations have no output members and 3 no input members", () => {
    const empty = INSPECTOR2_OPERATIONS.filter((op) => operationRulesOf("inspector2", op)!.emptyOutput);
    expect(empty).toEqual([
      "DeleteConnector", "ResetEncryptionKey", "SendCisSessionHealth", "SendCisSessionTelemetry", "StartCisSession", "StopCisSession",
      "TagResource", "UntagResource", "UpdateConfiguration", "UpdateConnectorScanConfiguration", "UpdateEncryptionKey",
      "UpdateOrgEc2DeepInspectionConfiguration",
    ]);
    expect(empty.every((op) => hasEmptyOutput(inspector2Model, op))).toBe(true);
    expect(INSPECTOR2_OPERATIONS.filter((op) => operationRulesOf("inspector2", op)!.noInput)).toEqual([
      "DescribeOrganizationConfiguration", "GetDelegatedAdminAccount", "GetEc2DeepInspectionConfiguration",
    ]);
  });

  it("has no rules edition: 2017 and 2020 give the same row; Classic's rows differ on its other reads", () => {
    for (const op of INSPECTOR2_OPERATIONS) expect(operationRulesOf("inspector2", op, "2017"), op).toEqual(operationRulesOf("inspector2", op, "2020"));
    expect(INSPECTOR2_RULES.hasEditions).toBe(false);
    expect(operationRulesOf("inspector", "GetTelemetryMetadata", "2017")!.mode).toBe("request-and-response");
    expect(operationRulesOf("inspector", "GetTelemetryMetadata", "2020")!.mode).toBe("request-only");
  });

  it("knows no name outside the model, nor an Object.prototype key", () => {
    expect(operationRulesOf("inspector2", "DescribeFindings")).toBeUndefined();
    expect(operationRulesOf("inspector2", "toString")).toBeUndefined();
    expect(operationRulesOf("inspector", "TagResource")).toBeUndefined();
  });
});

describe("the exports for the harness and the report", () => {
  it("eventSourceOf names each service's source, and serviceOfEventSource reads it back", () => {
    expect(eventSourceOf("inspector")).toBe("inspector.amazonaws.com");
    expect(eventSourceOf("inspector2")).toBe("inspector2.amazonaws.com");
    for (const id of SERVICE_IDS) expect(serviceOfEventSource(eventSourceOf(id))).toBe(id);
    expect(serviceOfEventSource("inspector2.amazonaws.co")).toBeUndefined();
    expect(serviceOfEventSource(undefined)).toBeUndefined();
  });

  it("expected apiVersion: Classic's example records', v2's model version", () => {
    expect(rulesFor("inspector").apiVersion).toBe("v20160216");
    expect(rulesFor("inspector2").apiVersion).toBe(inspector2Model.metadata.apiVersion);
  });

  it("loggingExpectationOf gives readOnly and what is logged, per service", () => {
    expect(loggingExpectationOf("inspector2", "CreateFilter")).toEqual({ readOnly: false, requestLogged: true, responseLogged: true });
    expect(loggingExpectationOf("inspector2", "TagResource")).toEqual({ readOnly: false, requestLogged: true, responseLogged: false });
    expect(loggingExpectationOf("inspector2", "ListTagsForResource")).toEqual({ readOnly: true, requestLogged: true, responseLogged: false });
    expect(loggingExpectationOf("inspector", "ListTagsForResource")).toEqual({ readOnly: true, requestLogged: true, responseLogged: false });
    expect(loggingExpectationOf("inspector", "CreateResourceGroup")).toEqual({ readOnly: false, requestLogged: true, responseLogged: true });
    expect(loggingExpectationOf("inspector", "PreviewAgents")!.responseLogged).toBe(false);
    expect(loggingExpectationOf("inspector", "PreviewAgents", "2017")!.responseLogged).toBe(true);
    expect(loggingExpectationOf("inspector", "CreateFilter")).toBeUndefined();
    expect(INSPECTOR_OPERATIONS.every((op) => loggingExpectationOf("inspector", op) !== undefined)).toBe(true);
    expect(INSPECTOR2_OPERATIONS.filter((op) => loggingExpectationOf("inspector2", op)!.responseLogged)).toHaveLength(42 - 12);
  });

  it("unverifiedRulesOf lists v2's three UNVERIFIED rules and Classic's one, each with advisory codes and a reason", () => {
    expect(unverifiedRulesOf("inspector2").map((u) => u.rule)).toEqual([
      "apiVersion of rest-json records",
      "header-bound members in requestParameters",
      "requestParameters of an operation without input members: null",
    ]);
    expect(unverifiedRulesOf("inspector")).toHaveLength(1);
    for (const id of SERVICE_IDS) {
      for (const u of unverifiedRulesOf(id)) {
        expect(u.why.length, u.rule).toBeGreaterThan(20);
        for (const code of u.codes) {
          expect(FindingCodeSchema.options).toContain(code);
          expect(defaultSeverity(code), code).toBe("advisory");
        }
      }
    }
  });

  it("unverifiedRulesOf returns copies: a caller cannot change the profile", () => {
    const first = unverifiedRulesOf("inspector2");
    first[0]!.rule = "changed";
    (first[0]!.codes as string[]).length = 0;
    expect(unverifiedRulesOf("inspector2")[0]).toMatchObject({ rule: "apiVersion of rest-json records", codes: ["correlated.api_version"] });
  });
});
