/** Records of a two-service run, split for each service's re-check: by the requestID of a call, else by eventSource, else to the first. */
import { describe, expect, it } from "vitest";
import { isForService, splitByService } from "../../../harness/check/service-records.js";
import { call } from "../report/run-builder.js";

describe("splitByService", () => {
  const services = [{ id: "inspector" as const, eventSource: "inspector.amazonaws.com" }, { id: "inspector2" as const, eventSource: "inspector2.amazonaws.com" }];
  const calls = [call(1, "ListTagsForResource"), { ...call(2, "ListTagsForResource"), service: "inspector2" as const }];

  it("a record goes to the service of the call that carries its requestID, whatever its eventSource says", () => {
    const wrongSource = { requestID: "req-2", eventSource: "inspector.amazonaws.com", eventName: "ListTagsForResource" };
    const split = splitByService([{ requestID: "req-1", eventSource: "inspector.amazonaws.com" }, wrongSource], calls, services);
    expect(split.get("inspector")).toEqual([{ requestID: "req-1", eventSource: "inspector.amazonaws.com" }]);
    expect(split.get("inspector2")).toEqual([wrongSource]);
  });

  it("a record no call claims goes by its eventSource, and one of no known source to the first service", () => {
    const v2 = JSON.stringify({ requestID: "req-x", eventSource: "inspector2.amazonaws.com" });
    const odd = { requestID: "req-y", eventSource: "inspector.amazonaw.com" };
    const split = splitByService([v2, odd], calls, services);
    expect(split.get("inspector2")).toEqual([v2]);
    expect(split.get("inspector")).toEqual([odd]);
  });
});

describe("isForService (trail files hold every service's records)", () => {
  const v2 = "inspector2.amazonaws.com";
  const ids = new Set(["req-2"]);
  it("keeps a record of one of the service's calls whatever its eventSource, and unclaimed ones of its own or no known source", () => {
    expect(isForService({ requestID: "req-2", eventSource: "inspector.amazonaws.com" }, ids, v2)).toBe(true);
    expect(isForService({ requestID: "other", eventSource: v2 }, ids, v2)).toBe(true);
    expect(isForService({ requestID: "other", eventSource: "inspector2.amazonaws.co" }, ids, v2)).toBe(true);
  });
  it("leaves an unclaimed record of the other service to that service's check", () => {
    expect(isForService({ requestID: "req-1", eventSource: "inspector.amazonaws.com" }, ids, v2)).toBe(false);
    expect(isForService('{"requestID":"req-1","eventSource":"inspector.amazonaws.com"}', ids, v2)).toBe(false);
  });
});

