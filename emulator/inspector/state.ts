/**
 * The emulator's stored Inspector Classic entities, partitioned by (accountId, region) as AWS
 * partitions them. Maps keep insertion order, which is the listing order.
 */
import type { InspectorLimits } from "./limits.js";

/** `{key, value?}`: the Attribute, Tag and ResourceGroupTag shapes. */
export interface KeyValue {
  key: string;
  value?: string;
}

/** A resource group (CreateResourceGroup). */
export interface ResourceGroupRecord {
  arn: string;
  tags: KeyValue[];
  createdAt: Date;
}

/** An assessment target. */
export interface TargetRecord {
  arn: string;
  name: string;
  resourceGroupArn?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** An assessment template; `tags` are its SetTagsForResource tags. */
export interface TemplateRecord {
  arn: string;
  name: string;
  targetArn: string;
  durationInSeconds: number;
  rulesPackageArns: string[];
  userAttributesForFindings: KeyValue[];
  createdAt: Date;
  tags: KeyValue[];
  lastAssessmentRunArn?: string;
  assessmentRunCount: number;
}

/** A simulated EC2 instance with the Inspector agent. */
export interface SimAgent {
  agentId: string;
  hostname: string;
  ipv4Address: string;
  autoScalingGroup?: string;
  operatingSystem: string;
  kernelVersion: string;
  agentVersion: string;
  amiId: string;
}

/** One entry of AssessmentRun.stateChanges. */
export interface StateChange {
  state: string;
  at: Date;
}

/** One entry of AssessmentRun.notifications. */
export interface RunNotification {
  date: Date;
  event: string;
  message: string;
  snsTopicArn: string;
}

/** An assessment run and its schedule (see run-lifecycle.ts). */
export interface RunRecord {
  arn: string;
  name: string;
  templateArn: string;
  targetArn: string;
  durationInSeconds: number;
  rulesPackageArns: string[];
  userAttributesForFindings: KeyValue[];
  agents: SimAgent[];
  createdAt: Date;
  /** When data collection ends: createdAt + duration, or the StopAssessmentRun time. */
  collectionEndsAt: Date;
  /** StopAssessmentRun with SKIP_EVALUATION: cancel instead of evaluating. */
  skipEvaluation: boolean;
  state: string;
  stateChanges: StateChange[];
  notifications: RunNotification[];
  startedAt?: Date;
  completedAt?: Date;
  dataCollected: boolean;
}

/** A finding, in its wire form minus the timestamps, plus what filters match on. */
export interface FindingRecord {
  arn: string;
  runArn: string;
  rulesPackageArn: string;
  agentId: string;
  autoScalingGroup?: string;
  ruleName: string;
  severity: string;
  /** Wire members other than attributes/userAttributes/createdAt/updatedAt. */
  body: Record<string, unknown>;
  attributes: KeyValue[];
  userAttributes: KeyValue[];
  createdAt: Date;
  updatedAt: Date;
}

/** An exclusion's content (ExclusionPreview shape); with an arn it is an Exclusion. */
export interface ExclusionContent {
  title: string;
  description: string;
  recommendation: string;
  scopes: { key: string; value: string }[];
  attributes: KeyValue[];
}

/** An exclusion of a run. */
export interface ExclusionRecord extends ExclusionContent {
  arn: string;
  runArn: string;
}

/** Event subscriptions of one (template, topic) pair: event -> subscribedAt. */
export interface SubscriptionRecord {
  resourceArn: string;
  topicArn: string;
  events: Map<string, Date>;
}

/** An exclusions preview (CreateExclusionsPreview). */
export interface PreviewRecord {
  token: string;
  templateArn: string;
  readyAt: Date;
  previews: ExclusionContent[];
}

/** A report requested with GetAssessmentReport. */
export interface ReportRecord {
  readyAt: Date;
  url: string;
}

/** The registered cross-account role. */
export interface CrossAccountRole {
  roleArn: string;
  valid: boolean;
  registeredAt: Date;
}

/** Everything one account has in one region. */
export interface RegionState {
  accountId: string;
  region: string;
  /** When this account first called Inspector in this region. */
  createdAt: Date;
  resourceGroups: Map<string, ResourceGroupRecord>;
  targets: Map<string, TargetRecord>;
  templates: Map<string, TemplateRecord>;
  runs: Map<string, RunRecord>;
  findings: Map<string, FindingRecord>;
  exclusions: Map<string, ExclusionRecord>;
  /** Key: `${resourceArn} ${topicArn}`. */
  subscriptions: Map<string, SubscriptionRecord>;
  previews: Map<string, PreviewRecord>;
  /** Key: `${runArn} ${reportType} ${reportFileFormat}`. */
  reports: Map<string, ReportRecord>;
  role?: CrossAccountRole;
}

/** What a handler gets: its partition, the time of the call, the limits. */
export interface HandlerEnv {
  state: RegionState;
  accountId: string;
  region: string;
  now: Date;
  limits: InspectorLimits;
}

/** All partitions of one emulator instance. */
export class InspectorStore {
  private readonly partitions = new Map<string, RegionState>();

  /** The partition of (accountId, region), created empty on first use. */
  partition(accountId: string, region: string, now: Date): RegionState {
    const key = `${accountId}/${region}`;
    let state = this.partitions.get(key);
    if (state === undefined) {
      state = {
        accountId,
        region,
        createdAt: now,
        resourceGroups: new Map(),
        targets: new Map(),
        templates: new Map(),
        runs: new Map(),
        findings: new Map(),
        exclusions: new Map(),
        subscriptions: new Map(),
        previews: new Map(),
        reports: new Map(),
      };
      this.partitions.set(key, state);
    }
    return state;
  }
}
