/** Rule 6. Completeness: exactly one record per call that reached the service (DESIGN.md "The rules"), for each of the 37 operations. */
import { familySuite } from "./suite-report.js";

familySuite("completeness", "6. Completeness: exactly one record per call that reached the service");
