/**
 * What a target can do, found out before a run: does each checked service answer (its profile's
 * probe: Classic ListRulesPackages, v2 ListFilters), does CloudTrail LookupEvents answer
 * (MaxResults 1), does STS answer (GetCallerIdentity)? Each call
 * has a deadline. A modelled error (an exception shape of the operation in the service model) still
 * means the service answers; anything else (404, HTML, UnknownOperationException, connection refused,
 * no answer) means `missing`, with what the target actually answered in the reason. On the `aws`
 * target a missing Inspector is reported as its end of support (AWS's Inspector Classic "End of support notice", e.g.
 * https://docs.aws.amazon.com/inspector/v1/userguide/inspector-arns-resources.html).
 */
import { LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import { THROTTLING_ERRORS } from "../collect/lookup-errors.js";
import { GetCallerIdentityCommand, type STSClient } from "@aws-sdk/client-sts";
import type { ServiceId } from "../../model/services.js";
import { cloudtrailModel, operationOf, type ModelDocument } from "../../model/service-model.js";
import type { HarnessService } from "../services/profile.js";
import type { ServiceEndpoints } from "./service-clients.js";
import type { RunConfig } from "../config.js";
import type { Credentials, ProvisionedIdentity, Target } from "./target.js";
import { INSPECTOR_CLASSIC_EOL } from "./aws.js";
import { describeSdkError, formatSdkFailure } from "./sdk-error.js";
import { captureWire, type WireExchange } from "../execute/wire-capture.js";

/** Whether one capability is there; `missing` says what the target answered instead. */
export type Capability = { status: "ok" } | { status: "missing"; reason: string };

/** The capabilities a run needs: each checked service, LookupEvents and STS. */
export interface ProbeResult {
  services: Partial<Record<ServiceId, Capability>>;
  lookupEvents: Capability;
  sts: Capability;
  /**
   * Request ids of the probe's own calls of the checked services. They reach the service, so the
   * target records them; the run excludes their records, which belong to no call of the history.
   */
  requestIds: string[];
}

/** Probe options. */
export interface ProbeOptions {
  /** Deadline of each probe call in ms; default config.callTimeoutMs. */
  deadlineMs?: number;
}

/** Longest part of a response body quoted in a reason. */
const BODY_QUOTE_CHARS = 160;

/** `HTTP 500 text/html: <title>500 Internal Server Error</title>…` */
function describeAnswer(x: WireExchange): string {
  const r = x.response;
  if (r === undefined) return x.failure !== undefined ? `${x.failure.code ?? x.failure.name}: ${x.failure.message}` : "no answer";
  const body = r.body.replace(/\s+/g, " ").trim();
  const quoted = body.length > BODY_QUOTE_CHARS ? `${body.slice(0, BODY_QUOTE_CHARS)}…` : body;
  return `HTTP ${r.status}${r.headers["content-type"] ? ` ${r.headers["content-type"]}` : ""}: ${quoted === "" ? "(empty body)" : quoted}`;
}

function modelledErrors(model: ModelDocument, operation: string): Set<string> {
  return new Set((operationOf(model, operation)?.errors ?? []).map((e) => e.shape));
}

interface ProbeCall {
  service: string;
  where: string;
  operation: string;
  /** Error names that still mean "the service answers". */
  modelled: Set<string>;
  send: (signal: AbortSignal) => Promise<unknown>;
}

/** Runs one probe call; returns ok, or missing with what came back, and the error name if any. */
async function probeOne(
  p: ProbeCall,
  deadlineMs: number,
  requestIds: string[] = [],
): Promise<{ capability: Capability; errorName?: string; noAnswer: boolean }> {
  const captured = await captureWire(deadlineMs, `${p.service} ${p.operation}`, p.send);
  for (const x of captured.exchanges) {
    const id = x.response?.headers["x-amzn-requestid"];
    if (id !== undefined) requestIds.push(id);
  }
  if (captured.result.ok) return { capability: { status: "ok" }, noAnswer: false };
  const failure = describeSdkError(captured.result.error);
  const exchange = captured.exchanges.at(-1);
  const answered = exchange?.response !== undefined;
  // Throttling (which no model lists) is the service answering, only busy: LookupEvents allows 2 requests/s per account, and other clients may be using them.
  if (answered && (p.modelled.has(failure.code) || THROTTLING_ERRORS.has(failure.code))) return { capability: { status: "ok" }, errorName: failure.code, noAnswer: false };
  const what = answered
    ? `${describeAnswer(exchange)} (SDK: ${formatSdkFailure(failure).split("\n")[0]})`
    : failure.code === "Deadline"
      ? `no answer within ${deadlineMs} ms`
      : `no answer: ${formatSdkFailure(failure)}`;
  return {
    capability: { status: "missing", reason: `${p.service} ${p.operation} at ${p.where}: ${what}` },
    errorName: failure.code,
    noAnswer: !answered,
  };
}

/** Probes each of `services`, LookupEvents and STS on `target` as `base`, each within the deadline. */
export async function probeTarget(
  target: Target & { sts?(c: Credentials): STSClient; endpoints?: ServiceEndpoints },
  base: ProvisionedIdentity,
  config: RunConfig,
  services: readonly HarnessService[],
  options: ProbeOptions = {},
): Promise<ProbeResult> {
  const deadlineMs = options.deadlineMs ?? config.callTimeoutMs;
  const where = (service: keyof ServiceEndpoints) => target.endpoints?.[service] ?? target.endpoint ?? `${service}.${target.region}.amazonaws.com`;
  const c = base.credentials;
  const requestIds: string[] = [];

  const serviceProbes = services.map((service) =>
    probeOne(
      {
        service: service.facts.title,
        where: where(service.id),
        operation: service.probe.operation,
        modelled: modelledErrors(service.facts.model, service.probe.operation),
        send: (signal) => target.client(service.id, c).send(new (service.command(service.probe.operation))(service.probe.input), { abortSignal: signal }),
      },
      deadlineMs,
      requestIds,
    ).then(({ capability, errorName, noAnswer }): [ServiceId, Capability] => {
      if (target.name !== "aws" || service.id !== "inspector") return [service.id, capability];
      // After 2026-05-20 Classic endpoints time out or refuse ineligible accounts.
      if (capability.status === "ok" && errorName !== "AccessDeniedException") return [service.id, capability];
      const detail = capability.status === "missing" ? capability.reason : `${service.facts.title} ${service.probe.operation} at ${where(service.id)}: AccessDeniedException`;
      const hint = noAnswer ? "its endpoints no longer answer" : "its endpoints refuse calls from accounts without Classic access";
      return [service.id, { status: "missing", reason: `${INSPECTOR_CLASSIC_EOL}; ${hint}. ${detail}. Its checks are unknown.` }];
    }),
  );

  const lookupProbe = probeOne(
    {
      service: "CloudTrail",
      where: where("cloudtrail"),
      operation: "LookupEvents",
      modelled: modelledErrors(cloudtrailModel, "LookupEvents"),
      send: (signal) => target.cloudtrail(c).send(new LookupEventsCommand({ MaxResults: 1 }), { abortSignal: signal }),
    },
    deadlineMs,
  ).then((r) => r.capability);

  const stsProbe: Promise<Capability> =
    target.sts === undefined
      ? Promise.resolve({ status: "missing", reason: `the ${target.name} target exposes no STS client` })
      : probeOne(
          {
            service: "STS",
            where: where("sts"),
            operation: "GetCallerIdentity",
            modelled: new Set(),
            send: (signal) => target.sts!(c).send(new GetCallerIdentityCommand({}), { abortSignal: signal }),
          },
          deadlineMs,
        ).then((r) => r.capability);

  const [probed, lookupEvents, sts] = await Promise.all([Promise.all(serviceProbes), lookupProbe, stsProbe]);
  return { services: Object.fromEntries(probed), lookupEvents, sts, requestIds };
}
