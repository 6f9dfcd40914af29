/** Rule 4. Identity: userIdentity matches the credentials used (docs/rules.md), for each operation of each checked service (37 Classic, 81 v2). */
import { familySuite } from "./suite-report.js";

familySuite("identity", "4. Identity: userIdentity matches the credentials used");
