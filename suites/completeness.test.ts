/** Rule 6. Completeness: exactly one record per call that reached the service (docs/rules.md), for each operation of each checked service (37 Classic, 81 v2). */
import { familySuite } from "./suite-report.js";

familySuite("completeness", "6. Completeness: exactly one record per call that reached the service");
