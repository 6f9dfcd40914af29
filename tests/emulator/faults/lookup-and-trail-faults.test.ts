/**
 * The LookupEvents faults and the trail fault, against a faithful service given the same calls: each
 * shows its one difference and leaves the rest as it was.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { CloudTrailService } from "../../../emulator/cloudtrail/cloudtrail-service.js";
import { stsResultResponse, text, element } from "../../../emulator/sts/sts-xml.js";
import { completedCall, contextFor, ok, principals } from "../cloudtrail/helpers.js";

const P = principals();
type Page = { Events: { EventSource: string; EventId: string }[]; NextToken?: string };

function serviceWith(faults: string[], trailDir?: string) {
  const service = new CloudTrailService({ faults, clock: () => new Date("2026-03-04T05:10:00Z"), ...(trailDir !== undefined ? { trailDir, trailIntervalMs: 3_600_000 } : {}) });
  for (let i = 0; i < 5; i++) service.record(completedCall("ListRulesPackages", {}, ok({ rulesPackageArns: [] }), contextFor(P.IAMUser)));
  // One STS event in the same account and region (the caller signs STS for us-west-2 here).
  const ctx = contextFor(P.IAMUser);
  const response = stsResultResponse(
    "GetFederationToken",
    [
      element("Credentials", text("AccessKeyId", "ASIAEXAMPLEEXAMPLE01"), text("SecretAccessKey", "secret"), text("SessionToken", "token"), text("Expiration", "2026-03-04T17:06:07Z")),
      element("FederatedUser", text("FederatedUserId", "111122223333:Bob"), text("Arn", "arn:aws:sts::111122223333:federated-user/Bob")),
    ],
    ctx.requestId,
  );
  service.recordSts({ ctx, form: new URLSearchParams({ Action: "GetFederationToken", Version: "2011-06-15", Name: "Bob" }), response, endedAt: new Date(ctx.startedAt.getTime() + 100) });
  return service;
}

function lookup(service: CloudTrailService, input: Record<string, unknown>): Page {
  const result = service.call("LookupEvents", input, contextFor(P.IAMUser));
  if (!result.ok) throw new Error(result.error.message);
  return result.output as Page;
}

function allPages(service: CloudTrailService, input: Record<string, unknown>): Page[] {
  const pages: Page[] = [];
  let token: string | undefined;
  do {
    const page = lookup(service, { ...input, ...(token !== undefined ? { NextToken: token } : {}) });
    pages.push(page);
    token = page.NextToken;
  } while (token !== undefined);
  return pages;
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("lookup faults", () => {
  const bySource = { LookupAttributes: [{ AttributeKey: "EventSource", AttributeValue: "inspector.amazonaws.com" }] };

  it("lookup-ignores-event-source: an EventSource filter lets the STS event through; other filters still work", () => {
    const faithful = lookup(serviceWith([]), bySource);
    expect(faithful.Events.map((e) => e.EventSource)).toEqual(Array(5).fill("inspector.amazonaws.com"));
    const faulty = serviceWith(["lookup-ignores-event-source"]);
    const events = lookup(faulty, bySource).Events;
    expect(events).toHaveLength(6);
    expect(events.filter((e) => e.EventSource === "sts.amazonaws.com")).toHaveLength(1);
    const byName = lookup(faulty, { LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "GetFederationToken" }] });
    expect(byName.Events).toHaveLength(1);
  });

  it("lookup-drops-last-page: the last page of a paginated query is empty; earlier pages and one-page results are intact", () => {
    const query = { ...bySource, MaxResults: 2 };
    const faithful = allPages(serviceWith([]), query);
    const faulty = allPages(serviceWith(["lookup-drops-last-page"]), query);
    expect(faithful.map((p) => p.Events.length)).toEqual([2, 2, 1]);
    expect(faulty.map((p) => p.Events.length)).toEqual([2, 2, 0]);
    expect(faulty[2]!.NextToken).toBeUndefined();
    // One page: unaffected.
    expect(allPages(serviceWith(["lookup-drops-last-page"]), bySource).map((p) => p.Events.length)).toEqual([5]);
  });
});

describe("trail fault", () => {
  function trailBodies(faults: string[]) {
    const dir = mkdtempSync(join(tmpdir(), "trail-fault-"));
    dirs.push(dir);
    const service = serviceWith(faults, dir);
    return { service, read: async () => {
      await service.close();
      const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
      return files.map((f) => JSON.parse(gunzipSync(readFileSync(f)).toString("utf8")) as unknown);
    } };
  }

  it("trail-files-unwrapped: the file holds a bare array of the same records instead of {\"Records\":[...]}", async () => {
    const faithful = trailBodies([]);
    const faulty = trailBodies(["trail-files-unwrapped"]);
    const [good] = await faithful.read();
    const [bad] = await faulty.read();
    expect(good).toEqual({ Records: JSON.parse(JSON.stringify(faithful.service.records())) });
    expect(Array.isArray(bad)).toBe(true);
    expect(bad).toEqual(JSON.parse(JSON.stringify(faulty.service.records())));
  });
});
