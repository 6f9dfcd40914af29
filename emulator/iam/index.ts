/** Public surface of the emulator's IAM (ListAccountAliases, for the account alias of Root records). */
export { IamService, IAM_ACTIONS, IAM_API_VERSION } from "./iam-service.js";
export { iamErrorResponse, iamResultResponse, IAM_NAMESPACE } from "./iam-xml.js";
