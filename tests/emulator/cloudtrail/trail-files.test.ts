import { afterEach, describe, expect, it } from "vitest";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { gunzipSync } from "node:zlib";
import { CloudTrailService } from "../../../emulator/cloudtrail/cloudtrail-service.js";
import type { CloudTrailRecord } from "../../../emulator/cloudtrail/record-types.js";
import { TRAIL_FILE_KEY_PATTERN, trailFileKey } from "../../../emulator/cloudtrail/trail-file-name.js";
import { ACCOUNT, OTHER_ACCOUNT, completedCall, contextFor, ok, principals } from "./helpers.js";

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), "ct-trail-"));
  dirs.push(d);
  return d;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"));
}

/** Reads every delivered file back: key and records (a file still being written, under its temporary name, is not delivered yet). */
async function readTrail(dir: string): Promise<{ key: string; records: CloudTrailRecord[] }[]> {
  const keys = (await listFiles(dir)).filter((k) => !k.includes(".tmp-"));
  return Promise.all(
    keys.map(async (key) => {
      const json = JSON.parse(gunzipSync(await readFile(join(dir, key))).toString("utf8")) as { Records: CloudTrailRecord[] };
      return { key, records: json.Records };
    }),
  );
}

function addCalls(service: CloudTrailService, n: number, when: () => Date = () => new Date()): void {
  const p = principals();
  const q = principals(OTHER_ACCOUNT);
  const who = [p.IAMUser, p.AssumedRole, q.Root, p.FederatedUser];
  const regions = ["us-west-2", "eu-west-1"];
  for (let i = 0; i < n; i++) {
    const ended = when();
    const ctx = contextFor(who[i % who.length]!, regions[i % 3 === 0 ? 1 : 0], new Date(ended.getTime() - 10));
    service.record(completedCall("ListFindings", { maxResults: i }, ok({ findingArns: [] }), ctx, ended));
  }
}

function expectExactlyOnce(files: { key: string; records: CloudTrailRecord[] }[], all: readonly CloudTrailRecord[]): void {
  const delivered = files.flatMap((f) => f.records);
  expect(delivered.map((r) => r.eventID).sort()).toEqual(all.map((r) => r.eventID).sort());
  expect(new Set(delivered.map((r) => r.eventID)).size).toBe(delivered.length);
  const byId = new Map(all.map((r) => [r.eventID, r]));
  for (const r of delivered) expect(r).toEqual(byId.get(r.eventID));
}

describe("trail file names", () => {
  it("follow AWS's key layout with the delivery time in UTC", () => {
    const key = trailFileKey(ACCOUNT, "us-east-2", new Date("2015-08-01T02:10:59.999Z"), "Mu0KsOhtH1ar15ZZ");
    expect(key).toBe(`AWSLogs/${ACCOUNT}/CloudTrail/us-east-2/2015/08/01/${ACCOUNT}_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz`);
    expect(key).toMatch(TRAIL_FILE_KEY_PATTERN);
    expect(trailFileKey(ACCOUNT, "us-east-2", new Date())).toMatch(TRAIL_FILE_KEY_PATTERN);
  });
});

describe("trail delivery", () => {
  it("close() delivers every record exactly once, one file per account+region, gzip of {Records:[...]}", async () => {
    const dir = await tempDir();
    const delivery = new Date("2026-03-04T05:06:59.500Z");
    const service = new CloudTrailService({ trailDir: dir, clock: () => delivery });
    addCalls(service, 25, () => new Date("2026-03-04T05:06:00Z"));
    await service.close();
    const files = await readTrail(dir);
    // One file per account+region pair present among the records (here 2 accounts x 2 regions).
    const groups = new Set(service.records().map((r) => `${r.recipientAccountId}/${r.awsRegion}`));
    expect(groups.size).toBe(4);
    expect(files).toHaveLength(groups.size);
    expectExactlyOnce(files, service.records());
    for (const f of files) {
      const m = TRAIL_FILE_KEY_PATTERN.exec(f.key);
      expect(m, f.key).not.toBeNull();
      expect(m![6]).toBe("20260304T0506Z");
      for (const r of f.records) {
        expect(r.recipientAccountId).toBe(m![1]);
        expect(r.awsRegion).toBe(m![2]);
      }
    }
    expect((await listFiles(dir)).some((k) => k.includes(".tmp-"))).toBe(false);
  });

  it("delivers on the interval and again for later records, never twice", async () => {
    const dir = await tempDir();
    const service = new CloudTrailService({ trailDir: dir, trailIntervalMs: 25 });
    addCalls(service, 6);
    const deadline = Date.now() + 5000;
    while ((await readTrail(dir)).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    const early = await readTrail(dir);
    expect(early.length).toBeGreaterThan(0);
    addCalls(service, 5);
    await service.close();
    const files = await readTrail(dir);
    expect(files.length).toBeGreaterThan(early.length);
    expectExactlyOnce(files, service.records());
  });

  it("holds delayed records back on the interval but delivers them on close", async () => {
    const dir = await tempDir();
    const service = new CloudTrailService({ trailDir: dir, trailIntervalMs: 20, deliveryDelayMs: 3_600_000 });
    addCalls(service, 4);
    await new Promise((r) => setTimeout(r, 120));
    expect(await listFiles(dir)).toEqual([]);
    await service.close();
    expectExactlyOnce(await readTrail(dir), service.records());
  });

  it("keeps the records of a failed delivery and delivers them on the next close", async () => {
    const parent = await tempDir();
    const blocked = join(parent, "trail");
    await writeFile(blocked, "not a folder");
    const service = new CloudTrailService({ trailDir: blocked });
    addCalls(service, 5);
    await expect(service.close()).rejects.toThrow(/trail delivery/);
    await rm(blocked);
    await service.close();
    expectExactlyOnce(await readTrail(blocked), service.records());
  });

  it("writes nothing without trailDir", async () => {
    const service = new CloudTrailService();
    addCalls(service, 3);
    await service.close();
    expect(service.records()).toHaveLength(3);
  });
});
