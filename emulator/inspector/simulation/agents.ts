/**
 * Simulated EC2 instances running the Inspector agent. A target selects the instances of its
 * resource group; a target without one selects "all instances in the account and region" (the
 * CreateAssessmentTarget doc). The instances are derived from that selection, so two targets with
 * the same resource group share instances (and may collide: AgentsAlreadyRunningAssessment).
 */
import { seededHex, seededNumber } from "../ids.js";
import type { SimAgent, TargetRecord } from "../state.js";

/** The instances `target` covers in (account, region): 1 to 3, deterministic. */
export function agentsOfTarget(accountId: string, region: string, target: TargetRecord): SimAgent[] {
  const selection = target.resourceGroupArn ?? `arn:aws:ec2:${region}:${accountId}:all-instances`;
  const count = 1 + (seededNumber(`agents:${selection}`) % 3);
  const agents: SimAgent[] = [];
  for (let i = 0; i < count; i++) {
    const seed = `${selection}#${i}`;
    const n = seededNumber(seed);
    const ip = `10.0.${(n >>> 8) % 256}.${1 + (n % 254)}`;
    agents.push({
      agentId: `i-${seededHex(seed, 17)}`,
      hostname: `ip-${ip.replaceAll(".", "-")}.${region}.compute.internal`,
      ipv4Address: ip,
      ...(n % 2 === 0 ? { autoScalingGroup: `asg-${seededHex(`asg:${selection}`, 8)}` } : {}),
      operatingSystem: n % 3 === 0 ? "Ubuntu 16.04" : "Amazon Linux AMI 2018.03",
      kernelVersion: n % 3 === 0 ? "4.4.0-1128-aws" : "4.14.173-106.229.amzn1.x86_64",
      agentVersion: "1.1.1541.0",
      amiId: `ami-${seededHex(`ami:${seed}`, 17)}`,
    });
  }
  return agents;
}

/** The telemetry message types of the botocore GetTelemetryMetadata example. */
const MESSAGE_TYPES = [
  "InspectorDuplicateProcess", "InspectorTimeEventMsg", "InspectorNetworkInterface", "InspectorDnsEntry",
  "InspectorDirectoryInfoMsg", "InspectorTcpV6ListeningPort", "InspectorTerminal", "InspectorUser",
  "InspectorDynamicallyLoadedCodeModule", "InspectorCreateProcess", "InspectorProcessPerformance",
  "InspectorOperatingSystem", "InspectorStopProcess", "InspectorInstanceMetaData", "InspectorTcpV4Connection",
  "InspectorPackageInfo", "InspectorSystemPerformance", "InspectorCodeModule", "InspectorUdpV6ListeningPort",
  "InspectorUdpV4ListeningPort", "InspectorKernelModule", "InspectorConfigurationInfo", "InspectorMonitoringStart",
  "InspectorSplitMsgBegin", "InspectorGroup", "InspectorTcpV4ListeningPort", "InspectorSplitMsgEnd",
  "InspectorLoadImageInProcess",
] as const;

/** TelemetryMetadata entries `{messageType, count, dataSize}` for `seed`, with a closing "Total". */
export function telemetryFor(seed: string): { messageType: string; count: number; dataSize: number }[] {
  const entries = MESSAGE_TYPES.map((messageType) => {
    const n = seededNumber(`${seed}:${messageType}`);
    const count = 1 + (n % 300);
    return { messageType, count, dataSize: count * (50 + ((n >>> 9) % 400)) };
  });
  const total = entries.reduce((acc, e) => ({ count: acc.count + e.count, dataSize: acc.dataSize + e.dataSize }), { count: 0, dataSize: 0 });
  return [...entries, { messageType: "Total", ...total }];
}
