/**
 * The emulator's fault catalogue: named, deliberate departures from documented CloudTrail behaviour,
 * each breaking exactly one rule (docs/rules.md), so the conformance suite can prove it catches them.
 * Enabled with `EMULATOR_FAULTS=name[,name]`, `--faults`, or `EmulatorOptions.faults`.
 */

/** The rule family a fault breaks (docs/rules.md, plus LookupEvents and trail delivery). */
export type FaultFamily = "shape" | "logging" | "error" | "echo" | "identity" | "correlated" | "completeness" | "lookup" | "trail";

/** The service whose records a fault changes (`lookup` and `trail` faults: Classic's, as they always were). */
export type FaultService = "inspector" | "inspector2";

/** One entry of the catalogue. */
export interface FaultDefinition {
  name: string;
  family: FaultFamily;
  /** What the fault does, in one sentence. */
  description: string;
  /**
   * Whose records it changes: Classic faults act on Inspector Classic records only, v2 faults on
   * Inspector v2 records only. The lookup and trail faults are listed under `inspector`: the suite's
   * self-test, which checks Classic, is what shows them.
   */
  service: FaultService;
}

const fault = <N extends string>(name: N, family: FaultFamily, description: string) => ({ name, family, description, service: "inspector" }) as const;
const v2Fault = <N extends string>(name: N, family: FaultFamily, description: string) => ({ name, family, description, service: "inspector2" }) as const;

/** Every fault the emulator knows, in the order they are applied to a record. */
export const FAULTS = [
  // logging (rule 2)
  fault("describe-logs-response", "logging", "List*/Describe* calls log the response body in responseElements instead of null."),
  fault("mutating-response-null", "logging", "Mutating calls that have an output log responseElements null instead of the response body."),
  fault("list-response-empty-object", "logging", "Successful List* calls log responseElements {} instead of null."),
  fault("empty-output-as-object", "logging", "The 9 operations with no output log responseElements {} instead of null."),
  // identity (rule 4)
  fault("assumed-role-as-iam-user", "identity", "Calls with assumed-role credentials get userIdentity.type IAMUser."),
  fault("assumed-role-without-session-context", "identity", "Calls with assumed-role credentials have no userIdentity.sessionContext."),
  fault("other-access-key", "identity", "userIdentity.accessKeyId is another access key of the account directory, not the one that signed."),
  fault("federated-user-without-issuer", "identity", "FederatedUser records have no sessionContext.sessionIssuer."),
  fault("root-with-user-name", "identity", "Root records carry userName \"root\"."),
  // shape (rule 1)
  fault("drop-eventVersion", "shape", "Records have no eventVersion."),
  fault("drop-eventTime", "shape", "Records have no eventTime."),
  fault("drop-eventSource", "shape", "Records have no eventSource."),
  fault("drop-eventName", "shape", "Records have no eventName."),
  fault("drop-awsRegion", "shape", "Records have no awsRegion."),
  fault("drop-sourceIPAddress", "shape", "Records have no sourceIPAddress."),
  fault("drop-requestID", "shape", "Records have no requestID."),
  fault("drop-eventID", "shape", "Records have no eventID."),
  fault("drop-eventType", "shape", "Records have no eventType."),
  fault("drop-recipientAccountId", "shape", "Records have no recipientAccountId."),
  fault("drop-userIdentity", "shape", "Records have no userIdentity."),
  // correlated (rule 5)
  fault("event-source-misspelled", "correlated", "eventSource is inspector.amazonaw.com."),
  fault("event-name-of-other-operation", "correlated", "eventName names the next Inspector operation (alphabetically) instead of the one called."),
  fault("region-fixed-us-east-1", "correlated", "awsRegion is always us-east-1, whatever region the call was signed for."),
  fault("request-id-mismatch", "correlated", "requestID is a fresh UUID, not the x-amzn-RequestId of the response."),
  fault("duplicate-event-id", "correlated", "Every 2nd record reuses the eventID of the record before it."),
  fault("event-time-local", "correlated", "eventTime is written in local time with an offset (+01:00) instead of UTC with Z."),
  fault("event-time-outside-call", "correlated", "eventTime is one hour before the call."),
  fault("read-only-as-string", "correlated", "readOnly is the string \"true\"/\"false\" instead of a boolean."),
  fault("read-only-wrong", "correlated", "readOnly is inverted."),
  // error (rule 2, failed calls)
  fault("failed-calls-not-recorded", "error", "Failed calls produce no record."),
  fault("error-code-missing", "error", "Records of failed calls have no errorCode."),
  fault("error-message-empty", "error", "Records of failed calls have errorMessage \"\"."),
  // echo (rule 3)
  fault("request-parameters-missing-member", "echo", "requestParameters lacks its first top-level member (when it has one)."),
  fault("request-parameters-renamed-keys", "echo", "requestParameters keys are written in snake_case."),
  fault("response-elements-nested-value", "echo", "One value inside responseElements (the first leaf, depth first) differs from the response."),
  // completeness (rule 6)
  fault("drop-one-in-50", "completeness", "Every 50th Inspector call is not recorded."),
  fault("extra-record-without-call", "completeness", "Every 25th Inspector call also stores a copy of its record with a new eventID and requestID."),
  // lookup (LookupEvents)
  fault("lookup-ignores-event-source", "lookup", "LookupEvents ignores an EventSource lookup attribute."),
  fault("lookup-drops-last-page", "lookup", "The last page of a multi-page LookupEvents query comes back empty; a one-page result is unaffected."),
  // trail (log files)
  fault("trail-files-unwrapped", "trail", "Trail files hold a bare JSON array instead of {\"Records\":[...]}."),
  // Inspector v2 (inspector2.amazonaws.com records only; each breaks one rule of the v2 rule table)
  v2Fault("v2-event-name-from-http", "correlated", "eventName is the HTTP method and the service (POST.inspector2) instead of the operation's name."),
  v2Fault("v2-event-source-classic", "correlated", "eventSource is Classic's inspector.amazonaws.com instead of inspector2.amazonaws.com."),
  v2Fault("v2-read-only-from-http-method", "correlated", "readOnly is decided by the HTTP method (true only for GET) instead of the operation's class."),
  v2Fault("v2-read-only-as-string", "correlated", "readOnly is the string \"true\"/\"false\" instead of a boolean."),
  v2Fault("v2-request-parameters-without-bound-members", "echo", "requestParameters lacks the members the request carried in its path, query string or headers."),
  v2Fault("v2-mutating-response-not-logged", "logging", "Mutating calls that have an output log responseElements null instead of the response body."),
  v2Fault("v2-read-logs-response", "logging", "Read calls (List, Get, Describe, BatchGet, Search) log the response body instead of null."),
  v2Fault("v2-empty-output-as-object", "logging", "The 12 operations without output log responseElements {} instead of null."),
  v2Fault("v2-error-code-from-http-status", "error", "errorCode is the HTTP status (\"400\", \"404\") instead of the error type."),
  v2Fault("v2-error-message-missing", "error", "Records of failed calls have no errorMessage."),
  v2Fault("v2-failed-calls-not-recorded", "error", "Failed calls produce no record."),
  v2Fault("v2-identity-type-fixed", "identity", "userIdentity.type is IAMUser for every caller, whatever credentials signed."),
] as const satisfies readonly FaultDefinition[];

/** The name of a fault in the catalogue. */
export type FaultName = (typeof FAULTS)[number]["name"];

/** Every fault name, in catalogue order. */
export const FAULT_NAMES: readonly FaultName[] = FAULTS.map((f) => f.name);

/** The faults that act on Inspector Classic records (and on LookupEvents and trail files). */
export const CLASSIC_FAULTS: readonly FaultDefinition[] = FAULTS.filter((f) => f.service === "inspector");

/** The faults that act on Inspector v2 records. */
export const INSPECTOR2_FAULTS: readonly FaultDefinition[] = FAULTS.filter((f) => f.service === "inspector2");

const NAMES: ReadonlySet<string> = new Set(FAULT_NAMES);

/** True when `name` is a fault of the catalogue. */
export function isFaultName(name: string): name is FaultName {
  return NAMES.has(name);
}

/** Raised for a fault list naming faults the catalogue does not have; the message lists the valid names. */
export class FaultListError extends Error {
  override name = "FaultListError";
  /** The names that are not in the catalogue. */
  readonly unknown: readonly string[];

  constructor(unknown: readonly string[]) {
    super(
      `unknown fault${unknown.length === 1 ? "" : "s"}: ${unknown.map((n) => JSON.stringify(n)).join(", ")}. ` +
        `Valid faults: ${FAULT_NAMES.join(", ")}.`,
    );
    this.unknown = unknown;
  }
}

/**
 * Parses `EMULATOR_FAULTS`-style text (`name[,name]`, blanks ignored) or a list of names into the
 * distinct fault names, in the order given.
 * @throws FaultListError naming each unknown fault and listing the valid ones.
 */
export function parseFaultList(text: string | readonly string[]): FaultName[] {
  const parts = (typeof text === "string" ? text.split(",") : text).map((s) => s.trim()).filter((s) => s !== "");
  const unknown = parts.filter((p) => !isFaultName(p));
  if (unknown.length > 0) throw new FaultListError([...new Set(unknown)]);
  return [...new Set(parts as FaultName[])];
}
