/** Rule 2 (failed calls): errorCode, errorMessage, responseElements null (DESIGN.md "The rules"), for each of the 37 operations. */
import { familySuite } from "./suite-report.js";

familySuite("error", "2 (failed calls): errorCode, errorMessage, responseElements null");
