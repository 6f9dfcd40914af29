/**
 * The rules packages each region offers, with a few rules each (for simulated findings).
 *
 * us-west-2: the real ARNs (AWS-owned account 758058086616) that the botocore examples
 * (fixtures/models/inspector-2016-02-16.examples-1.json, ListRulesPackages) list. Only 0-JJOtZiqQ's
 * name, version, description and provider appear there (DescribeRulesPackages example); which name
 * goes with the other three ids follows AWS's "ARNs for rules packages" page
 * (https://docs.aws.amazon.com/inspector/v1/userguide/inspector_rules-arns.html), which the local
 * reference does not hold: UNVERIFIED.
 * Every other region: clearly synthetic ARNs, account 000000000000, ids derived from the region.
 */
import { derivedResourceId } from "../ids.js";

/** A rule of a package: what a finding from it says. */
export interface RuleDefinition {
  ruleName: string;
  id: string;
  title: string;
  description: string;
  recommendation: string;
  severity: "High" | "Medium" | "Low" | "Informational";
}

/** A rules package (the RulesPackage wire shape) plus its rules. */
export interface RulesPackageDefinition {
  arn: string;
  name: string;
  version: string;
  provider: string;
  description: string;
  rules: RuleDefinition[];
}

/** The AWS-owned account of the us-west-2 rules packages (botocore examples). */
export const US_WEST_2_RULES_ACCOUNT = "758058086616";
/** The account of the synthetic rules packages of every other region. */
export const SYNTHETIC_RULES_ACCOUNT = "000000000000";

type PackageKind = "cve" | "cis" | "sbp" | "rba";

const US_WEST_2_IDS: Record<PackageKind, string> = { cve: "0-9hgA516p", cis: "0-H5hpSawc", sbp: "0-JJOtZiqQ", rba: "0-vg5GGHSD" };

const PROVIDER = "Amazon Web Services, Inc.";

const PACKAGES: Record<PackageKind, Omit<RulesPackageDefinition, "arn">> = {
  cve: {
    name: "Common Vulnerabilities and Exposures",
    version: "1.1",
    provider: PROVIDER,
    description: "The rules in this package help verify whether the EC2 instances in your assessment targets are exposed to common vulnerabilities and exposures (CVEs).",
    rules: [
      { ruleName: "CVE-2016-5195", id: "CVE-2016-5195", title: "Instance is vulnerable to CVE-2016-5195", description: "A race condition in the Linux kernel memory subsystem allows local users to gain privileges.", recommendation: "Use your Operating System's update feature to update package kernel.", severity: "High" },
      { ruleName: "CVE-2014-0160", id: "CVE-2014-0160", title: "Instance is vulnerable to CVE-2014-0160", description: "The TLS heartbeat extension of OpenSSL can disclose process memory.", recommendation: "Use your Operating System's update feature to update package openssl.", severity: "High" },
      { ruleName: "CVE-2015-7547", id: "CVE-2015-7547", title: "Instance is vulnerable to CVE-2015-7547", description: "Stack-based buffer overflows in the glibc DNS client allow remote attackers to cause a denial of service.", recommendation: "Use your Operating System's update feature to update package glibc.", severity: "Medium" },
    ],
  },
  cis: {
    name: "CIS Operating System Security Configuration Benchmarks",
    version: "1.0",
    provider: PROVIDER,
    description: "The CIS Security Benchmarks program provides well-defined, unbiased and consensus-based industry best practices to help organizations assess and improve their security.",
    rules: [
      { ruleName: "1.1.1 Ensure separate partition exists for /tmp", id: "CIS-1.1.1", title: "Instance failed CIS benchmark check 1.1.1", description: "The /tmp directory is not on a separate partition.", recommendation: "Create a separate partition for /tmp.", severity: "Medium" },
      { ruleName: "5.2.8 Ensure SSH root login is disabled", id: "CIS-5.2.8", title: "Instance failed CIS benchmark check 5.2.8", description: "Root can log in over SSH.", recommendation: "Set PermitRootLogin no in /etc/ssh/sshd_config.", severity: "High" },
      { ruleName: "4.1.2 Ensure auditd service is enabled", id: "CIS-4.1.2", title: "Instance failed CIS benchmark check 4.1.2", description: "The auditd service is not enabled.", recommendation: "Enable the auditd service.", severity: "Low" },
    ],
  },
  sbp: {
    name: "Security Best Practices",
    version: "1.1",
    provider: PROVIDER,
    description: "The rules in this package help determine whether your systems are configured securely.",
    rules: [
      { ruleName: "Disable root login over SSH", id: "SBP-ROOT-SSH", title: "Instance is configured to allow users to log in with root credentials over SSH", description: "Root login over SSH increases the risk of a brute-force attack on the root account.", recommendation: "Set PermitRootLogin to no in the SSH configuration.", severity: "Medium" },
      { ruleName: "Support password complexity", id: "SBP-PASSWORD", title: "Instance does not enforce password complexity", description: "No password complexity mechanism or restriction is configured on the instance.", recommendation: "Configure a password complexity policy.", severity: "Medium" },
      { ruleName: "System directories writable by all users", id: "SBP-WORLD-WRITABLE", title: "Instance has system directories writable by all users", description: "World-writable system directories let any user alter system files.", recommendation: "Remove write access for others from system directories.", severity: "High" },
    ],
  },
  rba: {
    name: "Runtime Behavior Analysis",
    version: "1.0",
    provider: PROVIDER,
    description: "The rules in this package analyze the behavior of your instances during the assessment run and flag insecure protocols and unused listening ports.",
    rules: [
      { ruleName: "Insecure client protocols (Telnet)", id: "RBA-TELNET", title: "Instance uses the insecure client protocol Telnet", description: "Telnet sends credentials in clear text.", recommendation: "Use SSH instead of Telnet.", severity: "Medium" },
      { ruleName: "Unused listening TCP ports", id: "RBA-UNUSED-PORTS", title: "Instance is listening on TCP ports that received no traffic", description: "Unused listening ports widen the attack surface.", recommendation: "Stop the services that listen on unused ports.", severity: "Informational" },
      { ruleName: "Root process with insecure permissions", id: "RBA-ROOT-PROC", title: "A root process loads a module from a path writable by other users", description: "Insecure permissions let a local user run code as root.", recommendation: "Restrict write permissions on the module path.", severity: "Low" },
    ],
  },
};

/** The informational finding Inspector reports when a package found nothing (botocore DescribeFindings example). */
export const NO_ISSUES_RULE: RuleDefinition = {
  ruleName: "No potential security issues found",
  id: "NO-ISSUES",
  title: "No potential security issues found",
  description: "Amazon Inspector did not find any potential security issues during this assessment.",
  recommendation: "No remediation needed.",
  severity: "Informational",
};

const cache = new Map<string, RulesPackageDefinition[]>();

/** The rules packages offered in `region`, in ListRulesPackages order. */
export function rulesPackagesIn(region: string): RulesPackageDefinition[] {
  const hit = cache.get(region);
  if (hit !== undefined) return hit;
  const kinds: PackageKind[] = ["cve", "cis", "sbp", "rba"];
  const list = kinds.map((kind) => {
    const id = region === "us-west-2" ? US_WEST_2_IDS[kind] : derivedResourceId(`rulespackage/${region}/${kind}`);
    const account = region === "us-west-2" ? US_WEST_2_RULES_ACCOUNT : SYNTHETIC_RULES_ACCOUNT;
    return { arn: `arn:aws:inspector:${region}:${account}:rulespackage/${id}`, ...PACKAGES[kind] };
  });
  list.sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
  cache.set(region, list);
  return list;
}

/** The package `arn` names in `region`, or undefined. */
export const rulesPackageByArn = (region: string, arn: string): RulesPackageDefinition | undefined =>
  rulesPackagesIn(region).find((p) => p.arn === arn);
