/** ListRulesPackages and DescribeRulesPackages over the region's catalogue (simulation/rules-packages.ts). */
import { isArnOf } from "../arns.js";
import { listPage } from "../pagination.js";
import { rulesPackageByArn, rulesPackagesIn } from "../simulation/rules-packages.js";
import { type Handler, type Paging, handler } from "./handler.js";

/** Rules package handlers by operation name. */
export const rulesPackageHandlers: Record<string, Handler> = {
  ListRulesPackages: handler<Paging>((input, env) =>
    listPage("ListRulesPackages", "rulesPackageArns", rulesPackagesIn(env.region).map((p) => p.arn), input),
  ),

  DescribeRulesPackages: handler<{ rulesPackageArns: string[]; locale?: string | null }>((input, env) => {
    const rulesPackages: Record<string, unknown>[] = [];
    const failedItems: Record<string, { failureCode: string; retryable: boolean }> = {};
    for (const arn of new Set(input.rulesPackageArns)) {
      const pkg = isArnOf(arn, "rulespackage") ? rulesPackageByArn(env.region, arn) : undefined;
      if (pkg === undefined) {
        failedItems[arn] = { failureCode: isArnOf(arn, "rulespackage") ? "ITEM_DOES_NOT_EXIST" : "INVALID_ARN", retryable: false };
        continue;
      }
      rulesPackages.push({ arn: pkg.arn, name: pkg.name, version: pkg.version, provider: pkg.provider, description: pkg.description });
    }
    return { rulesPackages, failedItems };
  }),
};
