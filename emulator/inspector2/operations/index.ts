/** Every inspector2 operation handler, by operation name (the 81 of INSPECTOR2_OPERATIONS). */
import { accountHandlers } from "./account.js";
import { cisHandlers } from "./cis.js";
import { cisSessionHandlers } from "./cis-sessions.js";
import { codeIntegrationHandlers } from "./code-integrations.js";
import { codeScanHandlers } from "./code-scans.js";
import { configurationHandlers } from "./configuration.js";
import { connectorHandlers } from "./connectors.js";
import { coverageHandlers } from "./coverage.js";
import { filterHandlers } from "./filters.js";
import { findingHandlers } from "./findings.js";
import type { Handler } from "./handler.js";
import { organizationHandlers } from "./organization.js";
import { reportHandlers } from "./reports.js";
import { tagHandlers } from "./tags.js";

/** Operation name to handler. */
export const HANDLERS: Readonly<Record<string, Handler>> = Object.freeze({
  ...accountHandlers,
  ...organizationHandlers,
  ...configurationHandlers,
  ...filterHandlers,
  ...findingHandlers,
  ...coverageHandlers,
  ...reportHandlers,
  ...cisHandlers,
  ...cisSessionHandlers,
  ...codeIntegrationHandlers,
  ...codeScanHandlers,
  ...connectorHandlers,
  ...tagHandlers,
});
