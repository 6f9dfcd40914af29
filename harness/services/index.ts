/** The harness's service profiles, by id (model/services.ts lists the ids). */
import type { ServiceId } from "../../model/services.js";
import { inspectorService } from "./inspector.js";
import { inspector2Service } from "./inspector2.js";
import type { HarnessService } from "./profile.js";

export type { HarnessService } from "./profile.js";

/** Every service profile of the harness. */
export const HARNESS_SERVICES: Readonly<Record<ServiceId, HarnessService>> = Object.freeze({
  inspector: inspectorService,
  inspector2: inspector2Service,
});

/** The profiles of `ids`, in that order. */
export function harnessServices(ids: readonly ServiceId[]): HarnessService[] {
  return ids.map((id) => HARNESS_SERVICES[id]);
}
