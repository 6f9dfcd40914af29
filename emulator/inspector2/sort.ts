/**
 * ListFindings `sortCriteria`: every SortField read from a finding's facets. Severities sort by rank
 * (INFORMATIONAL < LOW < MEDIUM < HIGH < CRITICAL, UNTRIAGED lowest); findings without the field sort
 * last in either order; ties keep ARN order, so pages are stable. Without sortCriteria the order is
 * by finding ARN.
 */
import type { Facets } from "./criteria.js";

const SEVERITY_RANK: Readonly<Record<string, number>> = { UNTRIAGED: 0, INFORMATIONAL: 1, LOW: 2, MEDIUM: 3, HIGH: 4, CRITICAL: 5 };

/** The facet each SortField reads, and whether it is a severity. */
const SORT_FIELDS: Readonly<Record<string, { facet: string; severity?: true }>> = {
  AWS_ACCOUNT_ID: { facet: "awsAccountId" },
  FINDING_TYPE: { facet: "findingType" },
  SEVERITY: { facet: "severity", severity: true },
  FIRST_OBSERVED_AT: { facet: "firstObservedAt" },
  LAST_OBSERVED_AT: { facet: "lastObservedAt" },
  FINDING_STATUS: { facet: "findingStatus" },
  RESOURCE_TYPE: { facet: "resourceType" },
  ECR_IMAGE_PUSHED_AT: { facet: "ecrImagePushedAt" },
  ECR_IMAGE_REPOSITORY_NAME: { facet: "ecrImageRepositoryName" },
  ECR_IMAGE_REGISTRY: { facet: "ecrImageRegistry" },
  NETWORK_PROTOCOL: { facet: "networkProtocol" },
  COMPONENT_TYPE: { facet: "componentType" },
  VULNERABILITY_ID: { facet: "vulnerabilityId" },
  VULNERABILITY_SOURCE: { facet: "vulnerabilitySource" },
  INSPECTOR_SCORE: { facet: "inspectorScore" },
  VENDOR_SEVERITY: { facet: "vendorSeverity", severity: true },
  EPSS_SCORE: { facet: "epssScore" },
};

function keyOf(facets: Facets, field: string): string | number | undefined {
  const spec = SORT_FIELDS[field];
  const values = spec === undefined ? undefined : facets[spec.facet];
  const first = Array.isArray(values) ? (values[0] as string | number | undefined) : undefined;
  if (first === undefined) return undefined;
  return spec?.severity ? (SEVERITY_RANK[String(first)] ?? -1) : first;
}

/** `items` sorted by `criteria` (SortCriteria), ties and the default by `arnOf`. */
export function sortByCriteria<T>(items: readonly T[], facetsOf: (item: T) => Facets, arnOf: (item: T) => string, criteria?: { field: string; sortOrder: string } | null): T[] {
  const byArn = (a: T, b: T) => (arnOf(a) < arnOf(b) ? -1 : arnOf(a) > arnOf(b) ? 1 : 0);
  if (!criteria) return [...items].sort(byArn);
  const sign = criteria.sortOrder === "DESC" ? -1 : 1;
  return [...items].sort((a, b) => {
    const ka = keyOf(facetsOf(a), criteria.field);
    const kb = keyOf(facetsOf(b), criteria.field);
    if (ka === undefined || kb === undefined) return ka === kb ? byArn(a, b) : ka === undefined ? 1 : -1;
    if (ka !== kb) return (ka < kb ? -1 : 1) * sign;
    return byArn(a, b);
  });
}
