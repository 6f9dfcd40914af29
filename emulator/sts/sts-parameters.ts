/**
 * Reading and checking STS form parameters, with Coral's constraint messages
 * (`Value '<v>' at '<member>' failed to satisfy constraint: Member must …`; member names are the
 * parameter names with a lower-case first letter). Constraints come from the STS API reference:
 * RoleArn 20..2048; RoleSessionName and SourceIdentity 2..64 `[\w+=,.@-]*`; AssumeRole DurationSeconds
 * 900..43200; GetFederationToken Name 2..32 `[\w+=,.@-]*`, DurationSeconds 900..129600, Policy 1..2048
 * `[\u0009\u000A\u000D\u0020-\u00FF]+`
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html, API_GetFederationToken.html).
 */

/** A string constraint. */
export interface StringRule {
  min: number;
  max: number;
  /** The pattern as AWS prints it, and its anchored regex. */
  pattern?: { text: string; regex: RegExp };
}

/** `[\w+=,.@-]*`, the pattern of session names, source identities and federated user names. */
export const NAME_PATTERN = { text: "[\\w+=,.@-]*", regex: /^[\w+=,.@-]*$/ };
/** The pattern of session policies. */
export const POLICY_PATTERN = { text: "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+", regex: /^[\u0009\u000A\u000D\u0020-\u00FF]+$/ };

/** Collects constraint violations for one request. */
export class ParameterReader {
  /** Violations found so far, in AWS's sentence form. */
  readonly problems: string[] = [];
  private readonly form: URLSearchParams;

  constructor(form: URLSearchParams) {
    this.form = form;
  }

  private static member(name: string): string {
    return name.charAt(0).toLowerCase() + name.slice(1);
  }

  private violation(name: string, value: string | null, constraint: string): void {
    const shown = value === null ? "null" : `'${value}'`;
    this.problems.push(`Value ${shown} at '${ParameterReader.member(name)}' failed to satisfy constraint: Member must ${constraint}`);
  }

  /** A string parameter; `required` ones report `must not be null` when absent. */
  string(name: string, rule: StringRule, required: boolean): string | undefined {
    const value = this.form.get(name);
    if (value === null) {
      if (required) this.violation(name, null, "not be null");
      return undefined;
    }
    if (value.length < rule.min) this.violation(name, value, `have length greater than or equal to ${rule.min}`);
    else if (value.length > rule.max) this.violation(name, value, `have length less than or equal to ${rule.max}`);
    if (rule.pattern && !rule.pattern.regex.test(value)) this.violation(name, value, `satisfy regular expression pattern: ${rule.pattern.text}`);
    return value;
  }

  /** An optional integer parameter within [min, max]. */
  integer(name: string, min: number, max: number): number | undefined {
    const value = this.form.get(name);
    if (value === null) return undefined;
    if (!/^-?\d+$/.test(value.trim())) {
      this.violation(name, value, "be an integer");
      return undefined;
    }
    const n = Number(value.trim());
    if (n < min) this.violation(name, value, `have value greater than or equal to ${min}`);
    else if (n > max) this.violation(name, value, `have value less than or equal to ${max}`);
    return n;
  }
}
