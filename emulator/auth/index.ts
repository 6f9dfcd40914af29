/** Public surface of the emulator's SigV4 authentication and session store. */
export { Authenticator, type AuthOutcome } from "./authenticator.js";
export { SessionStore, type SessionPrincipal, type SessionPrincipalDraft, type TemporaryCredentials } from "./sessions.js";
export { AUTH_ERROR_STATUS, MAX_CLOCK_SKEW_MS, type AuthErrorType } from "./auth-errors.js";
export { cryptoRandom, seededRandom, type RandomSource } from "./credential-ids.js";
export { formatAmzDate, parseAmzDate } from "./amz-date.js";
