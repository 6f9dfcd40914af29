/** Rule 1. Shape: every always-present field of the record's eventVersion, well typed (DESIGN.md "The rules"), for each of the 37 operations. */
import { familySuite } from "./suite-report.js";

familySuite("shape", "1. Shape: every always-present field of the record's eventVersion, well typed");
