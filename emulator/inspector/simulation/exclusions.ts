/**
 * Exclusions: instances or rules packages that an assessment cannot cover, as CreateExclusionsPreview
 * predicts and ListExclusions reports after a run. Derived from a seed (the template for a preview,
 * the run for a run), one or two per seed, scoped to an instance and a rules package.
 */
import { seededNumber } from "../ids.js";
import type { ExclusionContent, SimAgent } from "../state.js";

const KINDS = [
  {
    title: "Agent not found on instance",
    description: "The instance has no running Amazon Inspector agent, so it cannot be assessed.",
    recommendation: "Install the Amazon Inspector agent on the instance and make sure it is running.",
  },
  {
    title: "Unsupported operating system for rules package",
    description: "The operating system of the instance is not supported by the selected rules package.",
    recommendation: "Remove the rules package from the assessment template or assess a supported instance.",
  },
] as const;

/** One or two exclusions for `seed` over these agents and packages (none when either list is empty). */
export function exclusionsFor(seed: string, agents: readonly SimAgent[], packageArns: readonly string[]): ExclusionContent[] {
  if (agents.length === 0 || packageArns.length === 0) return [];
  const n = seededNumber(`exclusions:${seed}`);
  const count = 1 + (n % 2);
  const out: ExclusionContent[] = [];
  for (let i = 0; i < count; i++) {
    const kind = KINDS[(n + i) % KINDS.length]!;
    const agent = agents[(n >>> 4) % agents.length]!;
    const pkg = packageArns[((n >>> 8) + i) % packageArns.length]!;
    out.push({
      ...kind,
      scopes: [
        { key: "INSTANCE_ID", value: agent.agentId },
        { key: "RULES_PACKAGE_ARN", value: pkg },
      ],
      attributes: [{ key: "OPERATING_SYSTEM", value: agent.operatingSystem }],
    });
  }
  return out;
}
