/** CreateResourceGroup and DescribeResourceGroups. */
import { resourceGroupArn } from "../../../model/arn.js";
import { batch } from "../arns.js";
import { checkUniqueKeys } from "../checks.js";
import { limitExceeded } from "../errors.js";
import { newResourceId } from "../ids.js";
import type { KeyValue } from "../state.js";
import { resourceGroupWire } from "../wire.js";
import { type Handler, handler } from "./handler.js";

/** Resource group handlers by operation name. */
export const resourceGroupHandlers: Record<string, Handler> = {
  CreateResourceGroup: handler<{ resourceGroupTags: KeyValue[] }>((input, env) => {
    checkUniqueKeys(input.resourceGroupTags, "INVALID_RESOURCE_GROUP_TAG_KEY");
    if (env.state.resourceGroups.size >= env.limits.resourceGroups) {
      throw limitExceeded("RESOURCE_GROUP_LIMIT_EXCEEDED", `You can have at most ${env.limits.resourceGroups} resource groups.`);
    }
    let arn: string;
    do arn = resourceGroupArn(env.region, env.accountId, newResourceId());
    while (env.state.resourceGroups.has(arn));
    env.state.resourceGroups.set(arn, { arn, tags: input.resourceGroupTags.map((t) => ({ ...t })), createdAt: env.now });
    return { resourceGroupArn: arn };
  }),

  DescribeResourceGroups: handler<{ resourceGroupArns: string[] }>((input, env) => {
    const { found, failedItems } = batch(input.resourceGroupArns, env.state.resourceGroups, "resourcegroup");
    return { resourceGroups: found.map(resourceGroupWire), failedItems };
  }),
};
