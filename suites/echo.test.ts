/** Rule 3. Request echo: requestParameters equal the request as sent (docs/rules.md), for each operation of each checked service (37 Classic, 81 v2). */
import { familySuite } from "./suite-report.js";

familySuite("echo", "3. Request echo: requestParameters equal the request as sent");
