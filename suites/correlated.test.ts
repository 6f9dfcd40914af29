/** Rule 5. Correlated fields: eventSource, eventName, region, account, requestID, eventTime, readOnly (docs/rules.md), for each operation of each checked service (37 Classic, 81 v2). */
import { familySuite } from "./suite-report.js";

familySuite("correlated", "5. Correlated fields: eventSource, eventName, region, account, requestID, eventTime, readOnly");
