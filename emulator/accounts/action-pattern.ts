/**
 * IAM action matching for `deny` lists. IAM action names are case-insensitive and allow the
 * wildcards `*` and `?` (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).
 */

/** True when `action` (e.g. `inspector:DeleteAssessmentTarget`) matches `pattern` (e.g. `inspector:Delete*`). */
export function actionMatches(pattern: string, action: string): boolean {
  const source = pattern
    .split("")
    .map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[.+^${}()|[\]\\-]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`, "i").test(action);
}
