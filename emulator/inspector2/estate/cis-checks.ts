/**
 * The CIS checks the emulator's CIS scans evaluate on the estate's instances: six checks named after
 * the CIS Amazon Linux 2 Benchmark's recommendations (https://www.cisecurity.org/benchmark/amazon_linux),
 * four at level 1 and two at level 2. Whether an instance passes a check is derived from the
 * instance and the check, so every scan of the same instance gives the same results.
 */
import { seededHex } from "../ids.js";

/** One CIS check. */
export interface CisCheck {
  checkId: string;
  title: string;
  description: string;
  remediation: string;
  level: "LEVEL_1" | "LEVEL_2";
}

/** The checks, in check-id order. */
export const CIS_CHECKS: readonly CisCheck[] = [
  { checkId: "1.1.1.1", title: "Ensure mounting of cramfs filesystems is disabled", description: "The cramfs filesystem module is not loadable.", remediation: "Add 'install cramfs /bin/true' to a file in /etc/modprobe.d/.", level: "LEVEL_1" },
  { checkId: "1.5.1", title: "Ensure core dumps are restricted", description: "Setuid programs cannot write core dumps.", remediation: "Set 'fs.suid_dumpable = 0' and a hard core limit of 0.", level: "LEVEL_1" },
  { checkId: "1.6.1.2", title: "Ensure SELinux is not disabled in bootloader configuration", description: "The kernel is not booted with selinux=0 or enforcing=0.", remediation: "Remove selinux=0 and enforcing=0 from the kernel command line.", level: "LEVEL_2" },
  { checkId: "3.1.1", title: "Ensure IP forwarding is disabled", description: "The host does not route packets between interfaces.", remediation: "Set 'net.ipv4.ip_forward = 0'.", level: "LEVEL_1" },
  { checkId: "4.1.1.1", title: "Ensure auditd is installed", description: "The audit daemon is installed.", remediation: "Install the audit package.", level: "LEVEL_2" },
  { checkId: "5.2.8", title: "Ensure SSH root login is disabled", description: "sshd refuses logins as root.", remediation: "Set 'PermitRootLogin no' in /etc/ssh/sshd_config.", level: "LEVEL_1" },
];

/** The checks a scan at `level` evaluates: level 1 only, or level 1 and 2. */
export const checksAt = (level: "LEVEL_1" | "LEVEL_2"): CisCheck[] => CIS_CHECKS.filter((c) => level === "LEVEL_2" || c.level === "LEVEL_1");

/** PASSED or FAILED for `instanceId` on `check` (about one check in three fails). */
export function checkResult(instanceId: string, check: CisCheck): "PASSED" | "FAILED" {
  return parseInt(seededHex(`${instanceId}/${check.checkId}`, 2), 16) % 3 === 0 ? "FAILED" : "PASSED";
}
