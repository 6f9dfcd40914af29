/**
 * The emulator's small built-in vulnerability catalogue: seven well-known CVEs, with the CVSS v3.1
 * base scores and vectors the NVD publishes for them (https://nvd.nist.gov/vuln/detail/<id>), the
 * dates CISA added them to its Known Exploited Vulnerabilities catalogue where it did, and short
 * descriptions in the emulator's own words. EPSS scores are illustrative values, not a snapshot of
 * FIRST's feed. SearchVulnerabilities answers from this catalogue; the estate's package findings
 * refer to it.
 */

/** One package a vulnerability affects, and the version that fixes it. */
export interface AffectedPackage {
  name: string;
  version: string;
  fixedInVersion: string;
  packageManager: "OS" | "JAR" | "NPM" | "PIP";
  /** Where the package sits in the artifact (language packages only). */
  filePath?: string;
}

/** A catalogue entry. */
export interface CatalogueVulnerability {
  id: string;
  description: string;
  cvss3: { baseScore: number; scoringVector: string };
  cwes: string[];
  epss: number;
  /** CISA KEV dates (ISO days), when listed. */
  cisa?: { dateAdded: string; dateDue: string; action: string };
  exploitAvailable: boolean;
  publishedAt: string;
  updatedAt: string;
  affected: AffectedPackage;
}

const KEV_ACTION = "Apply updates per vendor instructions.";

/** The catalogue, by CVE id. */
export const VULNERABILITIES: readonly CatalogueVulnerability[] = [
  {
    id: "CVE-2021-44228",
    description: "Apache Log4j2 JNDI lookups in logged messages let an attacker who controls log content load and run remote code (Log4Shell).",
    cvss3: { baseScore: 10.0, scoringVector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H" },
    cwes: ["CWE-502", "CWE-917", "CWE-20", "CWE-400"],
    epss: 0.94,
    cisa: { dateAdded: "2021-12-10", dateDue: "2021-12-24", action: KEV_ACTION },
    exploitAvailable: true,
    publishedAt: "2021-12-10T10:15:00Z",
    updatedAt: "2025-02-04T15:15:00Z",
    affected: { name: "log4j-core", version: "2.14.1", fixedInVersion: "2.17.1", packageManager: "JAR", filePath: "app/lib/log4j-core-2.14.1.jar" },
  },
  {
    id: "CVE-2022-22965",
    description: "Spring Framework data binding on JDK 9+ lets a remote attacker reach the class loader and run code (Spring4Shell).",
    cvss3: { baseScore: 9.8, scoringVector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" },
    cwes: ["CWE-94"],
    epss: 0.97,
    cisa: { dateAdded: "2022-04-04", dateDue: "2022-04-25", action: KEV_ACTION },
    exploitAvailable: true,
    publishedAt: "2022-04-01T23:15:00Z",
    updatedAt: "2025-02-04T15:15:00Z",
    affected: { name: "spring-beans", version: "5.3.17", fixedInVersion: "5.3.18", packageManager: "JAR", filePath: "app/lib/spring-beans-5.3.17.jar" },
  },
  {
    id: "CVE-2021-3156",
    description: "An off-by-one error in sudo's command-line parsing overflows a heap buffer and lets a local user gain root (Baron Samedit).",
    cvss3: { baseScore: 7.8, scoringVector: "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H" },
    cwes: ["CWE-193"],
    epss: 0.93,
    cisa: { dateAdded: "2022-04-06", dateDue: "2022-04-27", action: KEV_ACTION },
    exploitAvailable: true,
    publishedAt: "2021-01-26T21:15:00Z",
    updatedAt: "2024-11-21T06:21:00Z",
    affected: { name: "sudo", version: "1.8.23", fixedInVersion: "1.9.5p2", packageManager: "OS" },
  },
  {
    id: "CVE-2022-0778",
    description: "OpenSSL's BN_mod_sqrt() loops forever on some inputs, so a crafted certificate can hang a TLS peer (denial of service).",
    cvss3: { baseScore: 7.5, scoringVector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H" },
    cwes: ["CWE-835"],
    epss: 0.05,
    exploitAvailable: false,
    publishedAt: "2022-03-15T17:15:00Z",
    updatedAt: "2024-11-21T06:39:00Z",
    affected: { name: "openssl", version: "1.1.1k", fixedInVersion: "1.1.1n", packageManager: "OS" },
  },
  {
    id: "CVE-2023-44487",
    description: "HTTP/2 stream cancellation can be abused to reset streams faster than a server frees them (HTTP/2 Rapid Reset, denial of service).",
    cvss3: { baseScore: 7.5, scoringVector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H" },
    cwes: ["CWE-400"],
    epss: 0.82,
    cisa: { dateAdded: "2023-10-10", dateDue: "2023-10-31", action: KEV_ACTION },
    exploitAvailable: true,
    publishedAt: "2023-10-10T14:15:00Z",
    updatedAt: "2025-01-14T16:15:00Z",
    affected: { name: "nghttp2", version: "1.51.0", fixedInVersion: "1.57.0", packageManager: "OS" },
  },
  {
    id: "CVE-2023-4863",
    description: "A heap buffer overflow in libwebp's lossless decoder lets a crafted WebP image write out of bounds.",
    cvss3: { baseScore: 8.8, scoringVector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H" },
    cwes: ["CWE-787"],
    epss: 0.31,
    cisa: { dateAdded: "2023-09-13", dateDue: "2023-10-04", action: KEV_ACTION },
    exploitAvailable: true,
    publishedAt: "2023-09-12T15:15:00Z",
    updatedAt: "2025-01-28T15:15:00Z",
    affected: { name: "libwebp", version: "1.2.4", fixedInVersion: "1.3.2", packageManager: "OS" },
  },
  {
    id: "CVE-2022-24999",
    description: "qs before 6.10.3 lets a crafted query string pollute Object.prototype and stall a Node.js process.",
    cvss3: { baseScore: 7.5, scoringVector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H" },
    cwes: ["CWE-1321"],
    epss: 0.02,
    exploitAvailable: false,
    publishedAt: "2022-11-26T22:15:00Z",
    updatedAt: "2024-11-21T06:51:00Z",
    affected: { name: "qs", version: "6.5.2", fixedInVersion: "6.10.3", packageManager: "NPM", filePath: "node_modules/qs/package.json" },
  },
];

const BY_ID: ReadonlyMap<string, CatalogueVulnerability> = new Map(VULNERABILITIES.map((v) => [v.id, v]));

/** The catalogue entry of `id`, if any. */
export const vulnerabilityOf = (id: string): CatalogueVulnerability | undefined => BY_ID.get(id);

/** Severity of a CVSS v3 base score (NVD's qualitative ratings). */
export function severityOfScore(score: number): "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "INFORMATIONAL" {
  if (score >= 9) return "CRITICAL";
  if (score >= 7) return "HIGH";
  if (score >= 4) return "MEDIUM";
  if (score > 0) return "LOW";
  return "INFORMATIONAL";
}

const epoch = (iso: string): number => Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso) / 1000;

/** The SearchVulnerabilities `Vulnerability` shape of a catalogue entry. */
export function vulnerabilityWire(v: CatalogueVulnerability): Record<string, unknown> {
  return {
    id: v.id,
    cwes: [...v.cwes],
    ...(v.cisa ? { cisaData: { dateAdded: epoch(v.cisa.dateAdded), dateDue: epoch(v.cisa.dateDue), action: v.cisa.action } } : {}),
    source: "NVD",
    description: v.description,
    vendorSeverity: severityOfScore(v.cvss3.baseScore),
    cvss3: { ...v.cvss3 },
    relatedVulnerabilities: [],
    vendorCreatedAt: epoch(v.publishedAt),
    vendorUpdatedAt: epoch(v.updatedAt),
    sourceUrl: `https://nvd.nist.gov/vuln/detail/${v.id}`,
    referenceUrls: [`https://nvd.nist.gov/vuln/detail/${v.id}`, `https://www.cve.org/CVERecord?id=${v.id}`],
    detectionPlatforms: [],
    epss: { score: v.epss },
    ...(v.exploitAvailable ? { exploitObserved: { firstSeen: epoch(v.publishedAt), lastSeen: epoch(v.updatedAt) } } : {}),
  };
}
