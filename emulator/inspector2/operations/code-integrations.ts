/**
 * Code security integrations with GitHub or a self-managed GitLab: created PENDING with the URL the
 * user authorizes Inspector at, ACTIVE once UpdateCodeSecurityIntegration hands over the
 * authorization (GitHub: code and installation id; GitLab: auth code). GitLab needs its instance
 * URL and access token at creation; GitHub takes no details. Names are unique per account and Region.
 */
import { codeSecurityIntegrationArn } from "../../../model/inspector2-arn.js";
import type { Inspector2Env } from "../env.js";
import { conflict, invalid, notFound, quotaExceeded } from "../errors.js";
import { epochSeconds, newUuid } from "../ids.js";
import { listPage } from "../pagination.js";
import type { IntegrationRecord } from "../state.js";
import { checkTags, forgetResource, tagNew, tagsOf } from "../tags.js";
import { type Handler, handler, type Paging, present } from "./handler.js";

type CreateDetails = { gitlabSelfManaged?: { instanceUrl: string; accessToken: string } | null };
type UpdateDetails = { github?: { code: string; installationId: string } | null; gitlabSelfManaged?: { authCode: string } | null };

function integrationOf(env: Inspector2Env, arn: string): IntegrationRecord {
  const i = env.state.integrations.get(arn);
  if (i === undefined) throw notFound(`The code security integration '${arn}' does not exist in account ${env.accountId} and Region ${env.region}.`);
  return i;
}

/** Where the user authorizes Inspector while the integration is PENDING. */
function authorizationUrl(i: IntegrationRecord): string | undefined {
  if (i.status !== "PENDING") return undefined;
  const state = i.arn.split("/").at(-1);
  return i.type === "GITHUB" ? `https://github.com/apps/amazon-inspector/installations/new?state=${state}` : `${i.instanceUrl}/oauth/authorize?response_type=code&state=${state}`;
}

/** The CodeSecurityIntegrationSummary shape (also the core of GetCodeSecurityIntegration's answer). */
function summaryWire(i: IntegrationRecord): Record<string, unknown> {
  return {
    integrationArn: i.arn,
    name: i.name,
    type: i.type,
    status: i.status,
    statusReason: i.statusReason,
    createdOn: epochSeconds(i.createdOn),
    lastUpdateOn: epochSeconds(i.lastUpdateOn),
  };
}

/** Code security integration handlers by operation name. */
export const codeIntegrationHandlers: Record<string, Handler> = {
  CreateCodeSecurityIntegration: handler<{ name: string; type: IntegrationRecord["type"]; details?: CreateDetails | null; tags?: Record<string, string> | null }>((input, env) => {
    const gitlab = input.details?.gitlabSelfManaged ?? undefined;
    if (input.type === "GITLAB_SELF_MANAGED" && gitlab === undefined) throw invalid("A GITLAB_SELF_MANAGED integration needs details.gitlabSelfManaged (instanceUrl and accessToken).", "details");
    if (input.type === "GITHUB" && gitlab !== undefined) throw invalid("details.gitlabSelfManaged applies to GITLAB_SELF_MANAGED integrations only.", "details");
    const same = [...env.state.integrations.values()].find((i) => i.name === input.name);
    if (same !== undefined) throw conflict(`A code security integration named '${input.name}' already exists.`, same.arn, "CODE_SECURITY_INTEGRATION");
    if (input.tags) checkTags(env, input.tags);
    if (env.state.integrations.size >= env.limits.codeSecurityIntegrations) throw quotaExceeded(`At most ${env.limits.codeSecurityIntegrations} code security integrations per account and Region.`, input.name);
    const arn = codeSecurityIntegrationArn(env.region, env.accountId, newUuid());
    const record: IntegrationRecord = {
      arn,
      name: input.name,
      type: input.type,
      status: "PENDING",
      statusReason: "Waiting for the provider to authorize Amazon Inspector.",
      ...(gitlab ? { instanceUrl: gitlab.instanceUrl } : {}),
      createdOn: env.now,
      lastUpdateOn: env.now,
    };
    env.state.integrations.set(arn, record);
    tagNew(env, arn, input.tags);
    return present({ integrationArn: arn, status: record.status, authorizationUrl: authorizationUrl(record) });
  }),

  UpdateCodeSecurityIntegration: handler<{ integrationArn: string; details: UpdateDetails }>((input, env) => {
    const i = integrationOf(env, input.integrationArn);
    const given = input.details.github ? "GITHUB" : "GITLAB_SELF_MANAGED";
    if (given !== i.type) throw invalid(`The integration is ${i.type}; give details.${i.type === "GITHUB" ? "github" : "gitlabSelfManaged"}.`, "details");
    i.status = "ACTIVE";
    i.statusReason = "The integration is authorized and active.";
    i.lastUpdateOn = env.now;
    return { integrationArn: i.arn, status: i.status };
  }),

  GetCodeSecurityIntegration: handler<{ integrationArn: string }>((input, env) => {
    const i = integrationOf(env, input.integrationArn);
    return present({ ...summaryWire(i), authorizationUrl: authorizationUrl(i), tags: tagsOf(env, i.arn) });
  }),

  DeleteCodeSecurityIntegration: handler<{ integrationArn: string }>((input, env) => {
    integrationOf(env, input.integrationArn);
    forgetResource(env, env.state.integrations, input.integrationArn);
    return { integrationArn: input.integrationArn };
  }),

  ListCodeSecurityIntegrations: handler<Paging>((input, env) => {
    return listPage("ListCodeSecurityIntegrations", "integrations", [...env.state.integrations.values()].map(summaryWire), input);
  }),
};
