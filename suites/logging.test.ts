/** Rule 2. Logging mode by operation class: request only, or request and response (docs/rules.md), for each operation of each checked service (37 Classic, 81 v2). */
import { familySuite } from "./suite-report.js";

familySuite("logging", "2. Logging mode by operation class: request only, or request and response");
