/** Rule 3. Request echo: requestParameters equal the request as sent (DESIGN.md "The rules"), for each of the 37 operations. */
import { familySuite } from "./suite-report.js";

familySuite("echo", "3. Request echo: requestParameters equal the request as sent");
