/**
 * Which findings the simulated estate has: package vulnerabilities from the built-in catalogue on
 * the instances, images and the orders-api function; an open SSH port on the web server; a
 * hard-coded credential in invoice-renderer's code; a SQL injection in the code repository. Each
 * finding belongs to the scan type that must be enabled for it to appear.
 */
import { findingArn } from "../../../model/inspector2-arn.js";
import { seededHex } from "../ids.js";
import type { Estate, SimResource } from "./resources.js";
import { vulnerabilityOf, type CatalogueVulnerability } from "./vulnerabilities.js";

/** The scan types of Enable/Disable (ResourceScanType). */
export const SCAN_TYPES = ["EC2", "ECR", "LAMBDA", "LAMBDA_CODE", "CODE_REPOSITORY"] as const;

/** One scan type of Enable/Disable. */
export type ScanKind = (typeof SCAN_TYPES)[number];

/** A static-analysis issue of a code finding. */
export interface CodeIssue {
  title: string;
  description: string;
  severity: "HIGH" | "MEDIUM";
  detectorId: string;
  detectorName: string;
  ruleId: string;
  detectorTags: string[];
  cwes: string[];
  fileName: string;
  filePath: string;
  startLine: number;
  /** The lines around the issue, first line number `startLine - 1`. */
  snippet: string[];
  fix: { description: string; code: string };
}

/** A finding of the estate, before time and status are applied. */
export interface SimFinding {
  arn: string;
  scanType: ScanKind;
  findingType: "PACKAGE_VULNERABILITY" | "NETWORK_REACHABILITY" | "CODE_VULNERABILITY";
  resource: SimResource;
  vulnerability?: CatalogueVulnerability;
  network?: { port: number; protocol: "TCP" | "UDP" };
  code?: CodeIssue;
}

const HARDCODED_CREDENTIAL: CodeIssue = {
  title: "Hardcoded credentials",
  description: "An access key is written into the source code, where anyone who can read the code can use it.",
  severity: "HIGH",
  detectorId: "python/hardcoded-credentials@v1.0",
  detectorName: "Hardcoded credentials",
  ruleId: "python-hardcoded-credentials",
  detectorTags: ["secrets", "security"],
  cwes: ["CWE-798"],
  fileName: "render.py",
  filePath: "src/render.py",
  startLine: 12,
  snippet: ["import boto3", 'S3_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"', "client = boto3.client('s3', aws_secret_access_key=S3_SECRET)"],
  fix: { description: "Read the secret from AWS Secrets Manager at run time.", code: "S3_SECRET = secrets.get_secret_value(SecretId='renderer')['SecretString']" },
};

const SQL_INJECTION: CodeIssue = {
  title: "SQL injection",
  description: "A query is built by formatting user input into SQL text, so the input can change the query.",
  severity: "HIGH",
  detectorId: "python/sql-injection@v1.0",
  detectorName: "SQL injection",
  ruleId: "python-sql-injection",
  detectorTags: ["injection", "security", "sql"],
  cwes: ["CWE-89"],
  fileName: "orders.py",
  filePath: "src/db/orders.py",
  startLine: 41,
  snippet: ["def find_order(cursor, order_id):", '    cursor.execute(f"SELECT * FROM orders WHERE id = {order_id}")', "    return cursor.fetchone()"],
  fix: { description: "Pass the value as a query parameter.", code: 'cursor.execute("SELECT * FROM orders WHERE id = %s", (order_id,))' },
};

/** Every finding of `estate` in `accountId`/`region`, in a fixed order. */
export function findingsOfEstate(estate: Estate, accountId: string, region: string): SimFinding[] {
  const arnOf = (resourceKey: string, what: string) => findingArn(region, accountId, seededHex(`${accountId}/${region}/finding/${resourceKey}/${what}`, 32));
  const pkg = (scanType: ScanKind, resource: SimResource, key: string, id: string): SimFinding => ({
    arn: arnOf(key, id),
    scanType,
    findingType: "PACKAGE_VULNERABILITY",
    resource,
    vulnerability: vulnerabilityOf(id)!,
  });
  const [web, worker] = estate.instances as [Estate["instances"][0], Estate["instances"][0]];
  const [current, previous] = estate.images as [Estate["images"][0], Estate["images"][0]];
  const [orders, renderer] = estate.functions as [Estate["functions"][0], Estate["functions"][0]];
  return [
    pkg("EC2", web, web.instanceId, "CVE-2021-3156"),
    pkg("EC2", web, web.instanceId, "CVE-2022-0778"),
    { arn: arnOf(web.instanceId, "port-22"), scanType: "EC2", findingType: "NETWORK_REACHABILITY", resource: web, network: { port: 22, protocol: "TCP" } },
    pkg("EC2", worker, worker.instanceId, "CVE-2023-44487"),
    pkg("ECR", current, current.imageHash, "CVE-2021-44228"),
    pkg("ECR", current, current.imageHash, "CVE-2023-4863"),
    pkg("ECR", previous, previous.imageHash, "CVE-2021-44228"),
    pkg("ECR", previous, previous.imageHash, "CVE-2022-22965"),
    pkg("LAMBDA", orders, orders.functionName, "CVE-2022-24999"),
    { arn: arnOf(renderer.functionName, "code"), scanType: "LAMBDA_CODE", findingType: "CODE_VULNERABILITY", resource: renderer, code: HARDCODED_CREDENTIAL },
    { arn: arnOf(estate.repository.projectId, "code"), scanType: "CODE_REPOSITORY", findingType: "CODE_VULNERABILITY", resource: estate.repository, code: SQL_INJECTION },
  ];
}
