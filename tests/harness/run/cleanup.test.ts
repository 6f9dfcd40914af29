/**
 * What a run leaves on a real account, read from its calls, and undoing it with retries: a create
 * no later delete undid is left; scanning an Enable turned on and no Disable turned off is left; a
 * delete that answers ResourceNotFound found it gone; what cannot be undone after every attempt is
 * named in the message.
 */
import { describe, expect, it } from "vitest";
import { cleanUp, cleanupMessage, leftoversOf } from "../../../harness/run/cleanup.js";
import type { ObservedCall } from "../../../history/observed-call.js";
import { call as classicCall } from "../report/run-builder.js";

const v2 = (seq: number, operation: string, request: unknown, response: unknown, outcome: ObservedCall["outcome"] = "ok"): ObservedCall => ({
  ...classicCall(seq, operation), service: "inspector2", request, response, outcome,
});
const FILTER = "arn:aws:inspector2:us-east-1:111122223333:owner/111122223333/filter/f1";
const OTHER = "arn:aws:inspector2:us-east-1:111122223333:owner/111122223333/filter/f2";
const CIS = "arn:aws:inspector2:us-east-1:111122223333:owner/111122223333/cis-configuration/c1";

describe("leftovers of a run", () => {
  it("is what was created or turned on and not undone, with the call that undoes it", () => {
    const calls = [
      v2(1, "CreateFilter", { name: "a" }, { arn: FILTER }),
      v2(2, "CreateFilter", { name: "b" }, { arn: OTHER }),
      v2(3, "DeleteFilter", { arn: OTHER }, { arn: OTHER }),
      v2(4, "CreateCisScanConfiguration", { scanName: "s" }, { scanConfigurationArn: CIS }),
      v2(5, "CreateFilter", { name: "c" }, null, "error"),
      v2(6, "Enable", { resourceTypes: ["EC2", "ECR"] }, { accounts: [] }),
      v2(7, "Disable", { resourceTypes: ["ECR"] }, { accounts: [] }),
      v2(8, "DeleteCisScanConfiguration", { scanConfigurationArn: CIS }, null, "error"),
      { ...classicCall(9, "CreateResourceGroup"), response: { resourceGroupArn: "arn:aws:inspector:x" } },
    ];
    expect(leftoversOf(calls)).toEqual([
      { what: `filter ${FILTER}`, operation: "DeleteFilter", input: { arn: FILTER } },
      { what: `CIS scan configuration ${CIS}`, operation: "DeleteCisScanConfiguration", input: { scanConfigurationArn: CIS } },
      { what: "scanning of EC2", operation: "Disable", input: { resourceTypes: ["EC2"] } },
    ]);
    expect(leftoversOf(calls.slice(0, 3).concat(v2(10, "DeleteFilter", { arn: FILTER }, { arn: FILTER })))).toEqual([]);
  });
});

describe("cleaning up", () => {
  const leftovers = leftoversOf([v2(1, "CreateFilter", {}, { arn: FILTER }), v2(2, "CreateFilter", {}, { arn: OTHER }), v2(3, "Enable", { resourceTypes: ["EC2"] }, {})]);
  const fast = { attempts: 3, backoffMs: 1, sleep: async () => undefined };

  it("retries until the undo succeeds or finds the thing gone", async () => {
    const made: string[] = [];
    let throttled = 2;
    const result = await cleanUp(leftovers, async (operation, input) => {
      made.push(`${operation} ${JSON.stringify(input)}`);
      if (operation === "DeleteFilter" && input["arn"] === FILTER && throttled-- > 0) return { ok: false, errorCode: "ThrottlingException" };
      if (operation === "DeleteFilter") return { ok: false, errorCode: "ResourceNotFoundException" };
      return { ok: true };
    }, fast);
    expect(result).toEqual({ undone: [`filter ${FILTER}`, `filter ${OTHER}`, "scanning of EC2"], failed: [] });
    expect(made.filter((m) => m.includes(FILTER))).toHaveLength(3);
    expect(cleanupMessage("Amazon Inspector (v2)", result, leftovers)).toBe("Amazon Inspector (v2): cleaned up 3 of 3 things the run created or turned on.");
  });

  it("names what it could not undo after every attempt, with the last error", async () => {
    let calls = 0;
    const result = await cleanUp(leftovers, async (operation) => {
      calls++;
      if (operation === "Disable") throw new Error("connect ECONNREFUSED");
      return { ok: operation === "DeleteFilter" };
    }, fast);
    expect(result.failed).toEqual([{ what: "scanning of EC2", error: "connect ECONNREFUSED" }]);
    expect(calls).toBe(2 + 3);
    expect(cleanupMessage("Amazon Inspector (v2)", result, leftovers)).toBe(
      "Amazon Inspector (v2): cleaned up 2 of 3 things the run created or turned on; could not undo scanning of EC2 (connect ECONNREFUSED): remove it by hand.",
    );
    expect(cleanupMessage("Amazon Inspector (v2)", { undone: [], failed: [] }, [])).toBeUndefined();
  });

  it("does not try once the target is down: what is left is reported at once, with why", async () => {
    let calls = 0;
    let down: string | undefined;
    const result = await cleanUp(leftovers, async () => {
      calls++;
      down = "Inspector at http://127.0.0.1:1 gave no complete answer to 5 calls in a row";
      throw new Error("ECONNREFUSED");
    }, { ...fast, unreachable: () => down });
    expect(calls).toBe(1);
    expect(result.failed.map((f) => f.error)).toEqual(["Inspector at http://127.0.0.1:1 gave no complete answer to 5 calls in a row", down, down]);
  });
});
