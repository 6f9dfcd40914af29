/**
 * Inspector v2 input validation from the model: every kind of constraint gives a
 * ValidationException (HTTP 400) with reason FIELD_VALIDATION_FAILED, one `fields` entry per
 * violation naming the member path, and a message that counts and lists them.
 */
import { describe, expect, it } from "vitest";
import { serviceHarness } from "./helpers.js";

const h = serviceHarness();

function violations(operation: string, input: Record<string, unknown>): { name: string; message: string }[] {
  const e = h.fail(operation, input);
  expect([e.type, e.status, e.fields?.["reason"]]).toEqual(["ValidationException", 400, "FIELD_VALIDATION_FAILED"]);
  const fields = e.fields?.["fields"] as { name: string; message: string }[];
  expect(e.message).toMatch(new RegExp(`^${fields.length} validation errors? detected: Value `));
  return fields;
}

describe("ValidationException from the model's constraints", () => {
  it.each([
    ["required member", "GetMember", {}, [{ name: "accountId", message: "Member must not be null" }]],
    ["type", "ListMembers", { onlyAssociated: "yes" }, [{ name: "onlyAssociated", message: "Member must be of type boolean" }]],
    ["pattern", "GetMember", { accountId: "12345678901a" }, [{ name: "accountId", message: "Member must satisfy regular expression pattern: \\d{12}" }]],
    ["length", "CreateFilter", { name: "x".repeat(129), action: "NONE", filterCriteria: {} }, [{ name: "name", message: "Member must have length less than or equal to 128" }]],
    ["range", "ListFindings", { maxResults: 101 }, [{ name: "maxResults", message: "Member must have value less than or equal to 100" }]],
    ["enum", "ListFilters", { action: "DROP" }, [{ name: "action", message: "Member must satisfy enum value set: [NONE, SUPPRESS]" }]],
    ["list size", "BatchGetFindingDetails", { findingArns: [] }, [{ name: "findingArns", message: "Member must have length greater than or equal to 1" }]],
    ["nested member with 1-based index", "ListFindings", { filterCriteria: { severity: [{ comparison: "EQUALS", value: "HIGH" }, { comparison: "EQUALS" }] } }, [{ name: "filterCriteria.severity.2.value", message: "Member must not be null" }]],
    ["union with two members", "CreateCisScanConfiguration", { scanName: "s", securityLevel: "LEVEL_1", schedule: { oneTime: {}, daily: { startTime: { timeOfDay: "01:00", timezone: "UTC" } } }, targets: { accountIds: ["SELF"], targetResourceTags: { a: ["b"] } } }, [{ name: "schedule", message: "Member must have exactly one of its members set" }]],
    ["map size", "CreateCisScanConfiguration", { scanName: "s", securityLevel: "LEVEL_1", schedule: { oneTime: {} }, targets: { accountIds: ["SELF"], targetResourceTags: {} } }, [{ name: "targets.targetResourceTags", message: "Member must have length greater than or equal to 1" }]],
  ] as const)("%s", (_, operation, input, expected) => {
    expect(violations(operation, input as Record<string, unknown>)).toEqual(expected);
  });

  it("reports every violation of a request at once", () => {
    const fields = violations("CreateFilter", { name: "", action: "HIDE", filterCriteria: { inspectorScore: [{ lowerInclusive: "high" }] } });
    expect(fields.map((f) => f.name).sort()).toEqual(["action", "filterCriteria.inspectorScore.1.lowerInclusive", "name"]);
  });

  it("checks map keys and blob sizes", () => {
    expect(violations("CreateConnector", { name: "c", provider: "AZURE", tags: { "bad key!": "v" }, providerDetail: { azure: { awsConfigConnectorArn: "arn:aws:config:us-east-1:111122223333:connector/a/b/c", scopeConfiguration: {}, azureRegions: ["eastus"] } } }).map((f) => f.name)).toEqual(["tags.bad key!"]);
    const big = Buffer.alloc(1001).toString("base64");
    const e = h.fail("SendCisSessionTelemetry", { scanJobId: "0f8fad5b-d9cb-469f-a165-70867728950e", sessionToken: "0f8fad5b-d9cb-469f-a165-70867728950e", messages: [{ ruleId: "r", status: "PASSED", cisRuleDetails: big }] }, "agent");
    expect(e.fields?.["fields"]).toEqual([{ name: "messages.1.cisRuleDetails", message: "Member must have length less than or equal to 1000" }]);
  });

  it("accepts what the model allows and ignores members it does not know", () => {
    expect(h.ok("ListFilters", { action: "NONE", unknownMember: 1 })).toEqual({ filters: [] });
  });
});
