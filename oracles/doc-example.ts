/**
 * AWS documentation example records as test data (fixtures/aws-examples). Some are not valid JSON
 * as printed; this parser repairs the known defects and says so, and names the known identity
 * contradiction of the Inspector example, as findings (Inspector Classic user guide, "Logging Amazon Inspector API calls with AWS CloudTrail", https://docs.aws.amazon.com/inspector/v1/userguide/logging-using-cloudtrail.html; the example records and their sources are in fixtures/README.md). Pure: the caller reads the file.
 */
import { finding, type Finding } from "./finding.js";
import { identityContradictions } from "./identity-rule.js";

/** A parsed documentation block: its records (one, or several for a `{"Records":[…]}` file) and what was noticed. */
export interface DocExample {
  records: Record<string, unknown>[];
  findings: Finding[];
}

/** A repair of printed JSON: what it fixes and how. */
interface Repair {
  name: string;
  apply: (text: string) => string;
}

/** Known defects of the printed examples, tried in order until the text parses. */
const REPAIRS: readonly Repair[] = [
  // 2017 DescribeAssessmentTargets block: the record ends in "}," (it was cut from a list).
  { name: "trailing comma after the last closing brace removed", apply: (t) => t.replace(/}\s*,\s*$/, "}") },
];

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Parses a documentation block, repairing known defects; throws only when no repair makes it JSON. */
export function parseDocExample(text: string, source: string): DocExample {
  const findings: Finding[] = [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (first) {
    const repair = REPAIRS.find((r) => {
      try {
        value = JSON.parse(r.apply(text));
        return true;
      } catch {
        return false;
      }
    });
    if (!repair) throw new Error(`${source}: not JSON and no known repair applies (${(first as Error).message})`);
    findings.push(finding("fixture.repaired_json", source, "valid JSON as printed", repair.name));
  }
  const records = isObj(value) && Array.isArray(value["Records"]) ? value["Records"].filter(isObj) : isObj(value) ? [value] : [];
  records.forEach((record, i) => {
    const prefix = records.length > 1 || (isObj(value) && "Records" in value) ? `Records[${i}].` : "";
    for (const [path, form, actual] of identityContradictions(record["userIdentity"])) {
      findings.push(finding("fixture.inconsistent_identity", `${prefix}${path}`, form, actual));
    }
  });
  return { records, findings };
}
