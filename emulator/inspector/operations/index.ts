/** Every operation handler, by operation name (the 37 of INSPECTOR_OPERATIONS). */
import { accountHandlers } from "./account.js";
import { exclusionHandlers } from "./exclusions.js";
import { findingHandlers } from "./findings.js";
import type { Handler } from "./handler.js";
import { reportHandlers } from "./reports.js";
import { resourceGroupHandlers } from "./resource-groups.js";
import { rulesPackageHandlers } from "./rules-packages.js";
import { runHandlers } from "./runs.js";
import { subscriptionHandlers } from "./subscriptions.js";
import { tagHandlers } from "./tags.js";
import { targetHandlers } from "./targets.js";
import { templateHandlers } from "./templates.js";

/** Operation name to handler. */
export const HANDLERS: Readonly<Record<string, Handler>> = Object.freeze({
  ...resourceGroupHandlers,
  ...targetHandlers,
  ...templateHandlers,
  ...runHandlers,
  ...findingHandlers,
  ...rulesPackageHandlers,
  ...exclusionHandlers,
  ...subscriptionHandlers,
  ...tagHandlers,
  ...accountHandlers,
  ...reportHandlers,
});
