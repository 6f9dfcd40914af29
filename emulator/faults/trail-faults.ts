/**
 * Faults that act on trail log file delivery: how the body of one file is written from the JSON texts
 * of its records.
 */
import type { FaultName } from "./catalogue.js";

/** Renders the (uncompressed) body of one trail file from its records' JSON texts. */
export type TrailBodyRenderer = (recordJsons: readonly string[]) => string;

/** The documented body: `{"Records":[...]}` (CloudTrail "find log files", facts section 4). */
export const renderTrailBody: TrailBodyRenderer = (jsons) => `{"Records":[${jsons.join(",")}]}`;

/** The trail body renderer of each trail-level name. */
export const TRAIL_FAULTS: Partial<Record<FaultName, TrailBodyRenderer>> = {
  "trail-files-unwrapped": (jsons) => `[${jsons.join(",")}]`,
};
