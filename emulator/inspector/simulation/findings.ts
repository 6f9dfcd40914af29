/**
 * The findings a completed run reports: for each (rules package, agent) pair, zero to two of the
 * package's rules picked from a hash of the run ARN; a pair with none reports the informational
 * "No potential security issues found" finding, as in AWS's DescribeFindings example. So every
 * completed run has a handful of findings, always the same ones for the same run.
 * Wire members follow the Finding shape and the botocore DescribeFindings example.
 */
import { findingArn } from "../../../model/arn.js";
import { derivedResourceId, seededNumber } from "../ids.js";
import type { FindingRecord, RunRecord } from "../state.js";
import { NO_ISSUES_RULE, type RuleDefinition, rulesPackageByArn } from "./rules-packages.js";

/** Numeric severity per severity (Inspector Classic: High 9, Medium 6, Low 3, Informational 0). */
export const NUMERIC_SEVERITY: Readonly<Record<string, number>> = { High: 9, Medium: 6, Low: 3, Informational: 0, Undefined: 0 };

function rulesFor(run: RunRecord, packageArn: string, agentId: string, region: string): RuleDefinition[] {
  const rules = rulesPackageByArn(region, packageArn)?.rules ?? [];
  const n = seededNumber(`${run.arn}|${packageArn}|${agentId}`);
  const picked = rules.filter((_, i) => ((n >>> i) & 1) === 1).slice(0, 2);
  return picked.length === 0 ? [NO_ISSUES_RULE] : picked;
}

/** The findings of `run`, created at `at` (its completion). */
export function generateFindings(run: RunRecord, region: string, at: Date): FindingRecord[] {
  const out: FindingRecord[] = [];
  for (const packageArn of run.rulesPackageArns) {
    for (const agent of run.agents) {
      for (const rule of rulesFor(run, packageArn, agent.agentId, region)) {
        const arn = findingArn(run.arn, derivedResourceId(`${run.arn}|${packageArn}|${agent.agentId}|${rule.id}`));
        out.push({
          arn,
          runArn: run.arn,
          rulesPackageArn: packageArn,
          agentId: agent.agentId,
          ...(agent.autoScalingGroup !== undefined ? { autoScalingGroup: agent.autoScalingGroup } : {}),
          ruleName: rule.ruleName,
          severity: rule.severity,
          body: {
            schemaVersion: 1,
            service: "Inspector",
            serviceAttributes: { schemaVersion: 1, assessmentRunArn: run.arn, rulesPackageArn: packageArn },
            assetType: "ec2-instance",
            assetAttributes: {
              schemaVersion: 1,
              agentId: agent.agentId,
              ...(agent.autoScalingGroup !== undefined ? { autoScalingGroup: agent.autoScalingGroup } : {}),
              amiId: agent.amiId,
              hostname: agent.hostname,
              ipv4Addresses: [agent.ipv4Address],
            },
            id: rule.id,
            title: rule.title,
            description: rule.description,
            recommendation: rule.recommendation,
            severity: rule.severity,
            numericSeverity: NUMERIC_SEVERITY[rule.severity] ?? 0,
            confidence: 10,
            indicatorOfCompromise: false,
          },
          attributes: [
            { key: "INSTANCE_ID", value: agent.agentId },
            { key: "RULE_NAME", value: rule.ruleName.slice(0, 256) },
          ],
          userAttributes: run.userAttributesForFindings.map((a) => ({ ...a })),
          createdAt: at,
          updatedAt: at,
        });
      }
    }
  }
  return out;
}
