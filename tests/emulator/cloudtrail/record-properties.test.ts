import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { INSPECTOR_OPERATIONS } from "../../../model/service-model.js";
import { CloudTrailService } from "../../../emulator/cloudtrail/index.js";
import { OPERATION_CLASSES } from "../../../emulator/cloudtrail/logging-mode.js";
import { completedCall, contextFor, principals } from "./helpers.js";
import type { ServiceResult } from "../../../emulator/core/types.js";

// Wire bodies are JSON text: normalise through it (fc.jsonValue may draw -0, which JSON writes as 0).
const jsonObject = fc
  .dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 })
  .map((v) => JSON.parse(JSON.stringify(v)) as Record<string, unknown>);
const resultArb: fc.Arbitrary<ServiceResult> = fc.oneof(
  jsonObject.map((output) => ({ ok: true as const, output })),
  fc.record({ type: fc.constantFrom("InvalidInputException", "AccessDeniedException", "InternalException"), status: fc.constantFrom(400, 500), message: fc.string() })
    .map((error) => ({ ok: false as const, error })),
);

describe("record properties over random calls", () => {
  it("echo the request, apply the logging class, and survive a JSON round trip", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...INSPECTOR_OPERATIONS),
        fc.constantFrom("2020" as const, "2017" as const),
        fc.constantFrom(...Object.values(principals())),
        fc.option(jsonObject, { nil: null }),
        resultArb,
        fc.integer({ min: 0, max: 5000 }),
        (op, edition, principal, request, result, durationMs) => {
          const service = new CloudTrailService({ rulesEdition: edition });
          const ctx = contextFor(principal, "ap-northeast-1", new Date(1_780_000_000_000 + 123));
          const endedAt = new Date(ctx.startedAt.getTime() + durationMs);
          const rec = service.record(completedCall(op, request, result, ctx, endedAt));
          expect(Object.isFrozen(rec)).toBe(true);
          expect(JSON.parse(JSON.stringify(rec))).toEqual(rec);
          expect(rec.requestParameters).toEqual(op === "DescribeCrossAccountAccessRole" ? null : request);
          const cls = OPERATION_CLASSES.get(op)!;
          const logs = cls === "mutating" || (cls === "otherRead" && edition === "2017");
          if (result.ok) {
            expect(rec.responseElements).toEqual(logs && Object.keys(result.output).length > 0 ? result.output : null);
            expect(rec).not.toHaveProperty("errorCode");
          } else {
            expect(rec.responseElements).toBeNull();
            expect(rec.errorCode).toBe(result.error.type);
            expect(rec.errorMessage).toBe(result.error.message);
          }
          const t = Date.parse(rec.eventTime);
          expect(rec.eventTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
          expect(t).toBeGreaterThanOrEqual(Math.floor(ctx.startedAt.getTime() / 1000) * 1000);
          expect(t).toBeLessThanOrEqual(endedAt.getTime());
          expect(rec.userIdentity.accountId).toBe(principal.accountId);
          expect(rec.userIdentity.type).toBe(principal.kind);
          expect(service.records()).toEqual([rec]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
