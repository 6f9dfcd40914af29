/** Public surface of the emulator's account directory. */
export { AccountDirectory, type LongTermCredential, type RoleEntry } from "./account-directory.js";
export { AccountDirectoryError, loadAccountDirectory, readAccountDirectoryFile } from "./load-directory.js";
export * from "./default-directory.js";
export { principalArn, principalUserId } from "./principal-arn.js";
export { roleTrusts } from "./role-trust.js";
export { actionMatches } from "./action-pattern.js";
export type { AccessKey, Account, AccountDirectoryConfig, AccountDirectoryInput, IamRole, IamUser, Organization } from "./schema.js";
