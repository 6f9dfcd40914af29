/**
 * One check per identity kind (docs/targets.md: the identities): `na` with the target's reason when it cannot
 * provide the kind; otherwise whether records of calls made as that kind meet the identity rules.
 */
import type { Finding } from "../../oracles/finding.js";
import { familyOf } from "../../oracles/finding.js";
import { IdentityKindSchema, type ObservedCall } from "../../history/observed-call.js";
import { failMessage, passMessage, unsupportedMessage } from "./check-messages.js";
import type { Check, CheckInput } from "./check-types.js";
import type { ServiceId } from "../../model/services.js";
import { blockingScope } from "./unsupported.js";
import { smallestCounterexample } from "./counterexample.js";
import { channelsOf, distinctFindings } from "./channels.js";
import { ALL_OPERATIONS } from "./properties.js";

const base = (service: ServiceId, kind: string): Pick<Check, "id" | "service" | "operation" | "property" | "severity" | "count" | "failed" | "advisories" | "counterexample"> => ({
  id: `${service}:${ALL_OPERATIONS}/identity:${kind}`, service, operation: ALL_OPERATIONS, property: `identity:${kind}`, severity: "required", count: 0, failed: 0, advisories: 0, counterexample: null,
});

/** The four identity-kind checks, in the schema's order (IAMUser, Root, AssumedRole, FederatedUser). */
export function identityChecks(input: CheckInput, byCall: ReadonlyMap<number, Finding[]>, joinedSeqs: ReadonlySet<number>): Check[] {
  const service = input.service ?? "inspector";
  return IdentityKindSchema.options.map((kind): Check => {
    const given = input.identities.find((i) => i.kind === kind);
    if (given === undefined) {
      return { ...base(service, kind), status: "unknown", message: `The harness did not say whether the target can provide ${kind}; report it as available or na.` };
    }
    if (given.status === "na") {
      return { ...base(service, kind), status: "na", message: `Not applicable: the target cannot provide ${kind} (${given.reason ?? "no reason given"}). This does not change the verdict.` };
    }
    const blocked = blockingScope(input.unsupported);
    if (blocked) return { ...base(service, kind), status: "unknown", message: unsupportedMessage(blocked) };

    const sent = input.calls.filter((c) => c.identity.kind === kind && c.sentToService);
    const joined = sent.filter((c) => joinedSeqs.has(c.seq));
    const ofFamily = (c: ObservedCall): Finding[] => distinctFindings((byCall.get(c.seq) ?? []).filter((f) => familyOf(f.code) === "identity"));
    const failing = joined.map((call) => ({ call, findings: ofFamily(call) })).filter((x) => x.findings.some((f) => f.severity === "required"));
    const all = joined.flatMap(ofFamily);
    const required = all.filter((f) => f.severity === "required");
    const advisories = all.filter((f) => f.severity === "advisory");
    if (failing.length > 0) {
      return {
        ...base(service, kind), status: "fail", count: joined.length, failed: failing.length, advisories: advisories.length,
        counterexample: smallestCounterexample(failing, input.calls, input.replayCommand),
        message: `Calls made as ${kind}: ${failMessage(failing.length, joined.length, "call", required, advisories, channelsOf(joined.flatMap((c) => byCall.get(c.seq) ?? []).filter((f) => familyOf(f.code) === "identity" && f.severity === "required")))}`,
      };
    }
    if (sent.length === 0) {
      return { ...base(service, kind), status: "unknown", message: `Not observed: ${kind} was available but no call made as ${kind} reached the service. Run more cases (CONFORMANCE_RUNS).` };
    }
    if (joined.length === 0) {
      return { ...base(service, kind), status: "unknown", message: `Not observed: no record was joined to a call made as ${kind}; see the completeness checks.` };
    }
    return { ...base(service, kind), status: "pass", count: joined.length, advisories: advisories.length, message: `Calls made as ${kind}: ${passMessage(joined.length, "call", advisories)}` };
  });
}
