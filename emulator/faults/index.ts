/** Public surface of the emulator's fault catalogue (EMULATOR_FAULTS). */
export { FAULTS, FAULT_NAMES, FaultListError, isFaultName, parseFaultList } from "./catalogue.js";
export type { FaultDefinition, FaultFamily, FaultName } from "./catalogue.js";
export { EmulatorFaults } from "./emulator-faults.js";
export type { FaultEnvironment } from "./emulator-faults.js";
