/** Rule 2 (failed calls): errorCode, errorMessage, responseElements null (docs/rules.md), for each operation of each checked service (37 Classic, 81 v2). */
import { familySuite } from "./suite-report.js";

familySuite("error", "2 (failed calls): errorCode, errorMessage, responseElements null");
