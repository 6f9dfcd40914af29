/**
 * An in-memory stand-in for a target, for the command tests only: it keeps created resources, answers
 * creates with fresh ARNs, and fails references to resources it does not hold. Optionally buggy.
 */
import type { CallExecutor, CallOutcome } from "../../generators/executor.js";
import type { IdentityRequest } from "../../generators/identities.js";

/** A call as the fake saw it. */
export interface FakeCall {
  identity: IdentityRequest;
  operation: string;
  input: Record<string, unknown>;
  outcome: CallOutcome;
}

/** In-memory Inspector-like executor. `bug` makes it throw when it returns true for a call. */
export class FakeExecutor implements CallExecutor {
  readonly calls: FakeCall[] = [];
  readonly live = new Set<string>();
  #next = 0;

  constructor(private readonly bug?: (operation: string, input: Record<string, unknown>, fake: FakeExecutor) => boolean) {}

  async call(identity: IdentityRequest, operation: string, input: Record<string, unknown>): Promise<CallOutcome> {
    if (this.bug?.(operation, input, this)) throw new Error(`fake target bug on ${operation}`);
    const outcome = this.#answer(operation, input);
    this.calls.push({ identity, operation, input, outcome });
    return outcome;
  }

  #id(): string {
    return `0-${String(++this.#next).padStart(8, "0")}`;
  }

  #exists(arn: unknown): arn is string {
    return typeof arn === "string" && this.live.has(arn);
  }

  #answer(operation: string, input: Record<string, unknown>): CallOutcome {
    const base = "arn:aws:inspector:us-west-2:123456789012";
    const create = (member: string, arn: string): CallOutcome => {
      this.live.add(arn);
      return { ok: true, output: { [member]: arn } };
    };
    const missing: CallOutcome = { ok: false, errorCode: "NoSuchEntityException" };
    switch (operation) {
      case "CreateResourceGroup":
        return create("resourceGroupArn", `${base}:resourcegroup/${this.#id()}`);
      case "CreateAssessmentTarget":
        if (typeof input["assessmentTargetName"] !== "string") return { ok: false, errorCode: "InvalidInputException" };
        return create("assessmentTargetArn", `${base}:target/${this.#id()}`);
      case "CreateAssessmentTemplate":
        if (!this.#exists(input["assessmentTargetArn"])) return missing;
        return create("assessmentTemplateArn", `${input["assessmentTargetArn"]}/template/${this.#id()}`);
      case "StartAssessmentRun":
        if (!this.#exists(input["assessmentTemplateArn"])) return missing;
        return create("assessmentRunArn", `${input["assessmentTemplateArn"]}/run/${this.#id()}`);
      case "DeleteAssessmentRun":
      case "DeleteAssessmentTemplate":
      case "DeleteAssessmentTarget": {
        const arn = Object.values(input)[0];
        if (!this.#exists(arn)) return missing;
        this.live.delete(arn);
        return { ok: true, output: {} };
      }
      default:
        return { ok: true, output: {} };
    }
  }
}
