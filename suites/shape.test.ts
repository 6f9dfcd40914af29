/** Rule 1. Shape: every always-present field of the record's eventVersion, well typed (docs/rules.md), for each operation of each checked service (37 Classic, 81 v2). */
import { familySuite } from "./suite-report.js";

familySuite("shape", "1. Shape: every always-present field of the record's eventVersion, well typed");
