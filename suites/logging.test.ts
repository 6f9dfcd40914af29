/** Rule 2. Logging mode by operation class: request only, or request and response (DESIGN.md "The rules"), for each of the 37 operations. */
import { familySuite } from "./suite-report.js";

familySuite("logging", "2. Logging mode by operation class: request only, or request and response");
