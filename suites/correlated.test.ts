/** Rule 5. Correlated fields: eventSource, eventName, region, account, requestID, eventTime, readOnly (DESIGN.md "The rules"), for each of the 37 operations. */
import { familySuite } from "./suite-report.js";

familySuite("correlated", "5. Correlated fields: eventSource, eventName, region, account, requestID, eventTime, readOnly");
