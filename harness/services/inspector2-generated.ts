/**
 * Amazon Inspector v2 for the harness's service profile: the coverage sweep
 * (harness/run/inspector2-sweep.ts) and the random model-based sequences (generators/).
 */
import { serviceCommands } from "../../generators/commands.js";
import { newServicePool } from "../../generators/service-profile.js";
import { INSPECTOR2_OPERATIONS_WITHOUT_FAILING_INPUT } from "../run/inspector2-failing-input.js";
import { inspector2FailureSweep, inspector2SuccessSweep } from "../run/inspector2-sweep.js";
import type { CoverageSweep, SequenceSource } from "./profile.js";

/** The v2 coverage sweep: every operation succeeds once (the agent makes the CIS session calls) and fails once where input can make it fail. */
export const inspector2Sweep: CoverageSweep = {
  success: (call, settings, agent) => inspector2SuccessSweep(call, settings, agent),
  failure: (call) => inspector2FailureSweep(call),
  cannotFail: INSPECTOR2_OPERATIONS_WITHOUT_FAILING_INPUT,
  // Enable/Disable, the delegated administrator and members are the account's, whoever calls.
  accountWide: true,
};

/** Random v2 sequences: `fc.commands` over all 81 operations, resolved from a pool seeded with what no v2 call creates. */
export const inspector2Sequences: SequenceSource = {
  commands: (options) => serviceCommands("inspector2", options),
  newModel: (scope) => newServicePool("inspector2", scope),
};
