/** Rule 4. Identity: userIdentity matches the credentials used (DESIGN.md "The rules"), for each of the 37 operations. */
import { familySuite } from "./suite-report.js";

familySuite("identity", "4. Identity: userIdentity matches the credentials used");
