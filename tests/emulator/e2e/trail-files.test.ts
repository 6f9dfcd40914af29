/**
 * Trail log files delivered by the emulator, read back with node:zlib, hold every record exactly
 * once, in AWS's layout, and agree with what LookupEvents returns.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import { CreateResourceGroupCommand, ListRulesPackagesCommand } from "@aws-sdk/client-inspector";
import { afterEach, describe, expect, it } from "vitest";
import { TRAIL_FILE_KEY_PATTERN } from "../../../emulator/cloudtrail/index.js";
import { recordsNamed } from "./read-back.js";
import { cloudTrailClient, credentialsFor, inspectorClient, startEmulator, USER_CREDENTIALS, type IdentityKind } from "./transports.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function readTrail(dir: string): { key: string; records: Record<string, unknown>[] }[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .map((file) => ({
      key: relative(dir, file),
      records: (JSON.parse(gunzipSync(readFileSync(file)).toString("utf8")) as { Records: Record<string, unknown>[] }).Records,
    }));
}

describe("trail files", () => {
  it("hold every record exactly once, on the interval and on close, across identities and regions", async () => {
    const trailDir = mkdtempSync(join(tmpdir(), "trail-e2e-"));
    dirs.push(trailDir);
    const target = await startEmulator("loopback", { trailDir, trailIntervalMs: 200 });
    const requestIds: string[] = [];
    try {
      for (const kind of ["IAMUser", "Root", "AssumedRole", "FederatedUser"] as IdentityKind[]) {
        const client = inspectorClient(target, await credentialsFor(target, kind, `trail-${kind}`));
        for (let i = 0; i < 25; i++) {
          const out =
            i % 2 === 0
              ? await client.send(new ListRulesPackagesCommand({}))
              : await client.send(new CreateResourceGroupCommand({ resourceGroupTags: [{ key: "n", value: `${kind}-${i}` }] }));
          requestIds.push(out.$metadata.requestId!);
        }
        if (kind === "Root") await new Promise((r) => setTimeout(r, 450)); // let an interval delivery happen mid-run
      }
      const other = await inspectorClient(target, USER_CREDENTIALS, "eu-west-1").send(new ListRulesPackagesCommand({}));
      requestIds.push(other.$metadata.requestId!);
      const failed = await inspectorClient(target, USER_CREDENTIALS)
        .send(new CreateResourceGroupCommand({ resourceGroupTags: [] }))
        .catch((e: { $metadata: { requestId: string } }) => e.$metadata.requestId);
      requestIds.push(String(failed));
      const viaLookup = [
        ...(await recordsNamed(cloudTrailClient(target, USER_CREDENTIALS), "ListRulesPackages")),
        ...(await recordsNamed(cloudTrailClient(target, USER_CREDENTIALS), "CreateResourceGroup")),
      ];
      expect(viaLookup).toHaveLength(requestIds.length - 1); // LookupEvents is regional: the eu-west-1 call is not in us-east-1
    } finally {
      await target.close();
    }

    const files = readTrail(trailDir);
    expect(files.length).toBeGreaterThanOrEqual(2); // at least one interval delivery and one on close
    for (const { key } of files) expect(key).toMatch(TRAIL_FILE_KEY_PATTERN);
    expect(new Set(files.map((f) => f.key.split("/")[3]))).toEqual(new Set(["us-east-1", "eu-west-1"]));
    for (const { key, records } of files) for (const r of records) expect(r["awsRegion"]).toBe(key.split("/")[3]);
    const delivered = files.flatMap((f) => f.records);
    expect(delivered.map((r) => r["requestID"]).sort()).toEqual([...requestIds].sort());
    expect(new Set(delivered.map((r) => r["eventID"])).size).toBe(delivered.length);
    expect(delivered.find((r) => r["errorCode"] !== undefined)).toMatchObject({ errorCode: "InvalidInputException" });
  });
});
