/**
 * Filter criteria over simulated items (findings, covered resources, SBOM resources, CIS scans and
 * results), driven by the model: each criterion is a list of filters whose shape tells its kind
 * (string, date, number, map, port range, package). Rules: within one criterion the EQUALS and
 * PREFIX filters are alternatives (any may match) and the NOT_EQUALS filters all must hold; date,
 * number and port filters are alternatives; all given criteria must hold. A criterion whose facet the
 * item lacks matches no EQUALS/PREFIX/range filter and every NOT_EQUALS one. UNVERIFIED: how AWS
 * combines several filters of one criterion (its docs do not say).
 */
import { inspector2Model } from "../../model/inspector2-model.js";
import { shapeOf } from "../../model/service-model.js";

/** One vulnerable package as package filters see it. */
export interface PackageFacet {
  name?: string;
  version?: string;
  epoch?: number;
  release?: string;
  architecture?: string;
  sourceLayerHash?: string;
  sourceLambdaLayerArn?: string;
  filePath?: string;
}

/** The values an item offers to the criteria, by criterion name. */
export type Facets = Record<
  string,
  | readonly (string | number | boolean)[]
  | Readonly<Record<string, string | readonly string[]>>
  | readonly { begin: number; end: number }[]
  | readonly PackageFacet[]
  | undefined
>;

type FilterKind = "string" | "map" | "date" | "number" | "port" | "package" | "cisDate";

const kinds = new Map<string, FilterKind | undefined>();

/** The kind of the filters of list shape `listShape` (cached). */
function kindOf(listShape: string): FilterKind | undefined {
  if (kinds.has(listShape)) return kinds.get(listShape);
  const list = shapeOf(inspector2Model, listShape);
  const member = list.type === "list" ? shapeOf(inspector2Model, list.member!.shape) : undefined;
  const names = new Set(Object.keys(member?.members ?? {}));
  let kind: FilterKind | undefined;
  if (names.has("key") && names.has("comparison")) kind = "map";
  else if (names.has("comparison") && names.has("value")) kind = "string";
  else if (names.has("beginInclusive")) kind = "port";
  else if (names.has("startInclusive") || names.has("endInclusive")) kind = "date";
  else if (names.has("earliestScanStartTime")) kind = "cisDate";
  else if (names.has("upperInclusive") || names.has("lowerInclusive")) kind = "number";
  else if (names.has("name") && names.has("version")) kind = "package";
  kinds.set(listShape, kind);
  return kind;
}

type StringFilter = { comparison: string; value: string };
type Range = { lower?: number | null; upper?: number | null };

/** One string filter against one value. */
function stringFilterHolds(filter: StringFilter, value: string): boolean {
  if (filter.comparison === "PREFIX") return value.startsWith(filter.value);
  return value === filter.value;
}

/** A list of string filters against the values of one facet. */
export function stringFiltersHold(filters: readonly StringFilter[], values: readonly string[]): boolean {
  const positive = filters.filter((f) => f.comparison !== "NOT_EQUALS");
  const negative = filters.filter((f) => f.comparison === "NOT_EQUALS");
  if (positive.length > 0 && !positive.some((f) => values.some((v) => stringFilterHolds(f, v)))) return false;
  return negative.every((f) => values.every((v) => v !== f.value));
}

const inRange = (value: number, range: Range): boolean =>
  (range.lower === undefined || range.lower === null || value >= range.lower) && (range.upper === undefined || range.upper === null || value <= range.upper);

const rangesHold = (ranges: readonly Range[], values: readonly number[]): boolean => ranges.some((r) => values.some((v) => inRange(v, r)));

function packageHolds(filter: Record<string, unknown>, pkg: PackageFacet): boolean {
  for (const [field, sub] of Object.entries(filter)) {
    if (sub === undefined || sub === null) continue;
    const value = (pkg as Record<string, unknown>)[field];
    if (field === "epoch") {
      const r = sub as { lowerInclusive?: number; upperInclusive?: number };
      if (typeof value !== "number" || !inRange(value, { lower: r.lowerInclusive, upper: r.upperInclusive })) return false;
    } else if (!stringFiltersHold([sub as StringFilter], typeof value === "string" ? [value] : [])) return false;
  }
  return true;
}

/** True when one criterion (a list of filters of `listShape`) holds for `facet`. */
function criterionHolds(listShape: string, filters: readonly Record<string, unknown>[], facet: Facets[string]): boolean {
  const kind = kindOf(listShape);
  const values = Array.isArray(facet) ? (facet as unknown[]) : [];
  switch (kind) {
    case "string":
      return stringFiltersHold(filters as unknown as StringFilter[], values.map(String));
    case "map": {
      // A tag map; a value may be a list (CIS target resource tags), any of which may match.
      const tags = facet !== undefined && !Array.isArray(facet) ? (facet as Record<string, string | readonly string[]>) : {};
      return filters.some((f) => {
        const key = String(f["key"]);
        if (!Object.hasOwn(tags, key)) return false;
        const have = tags[key]!;
        return f["value"] === undefined || f["value"] === null || (typeof have === "string" ? have === f["value"] : have.includes(String(f["value"])));
      });
    }
    case "date":
      return rangesHold(filters.map((f) => ({ lower: f["startInclusive"] as number, upper: f["endInclusive"] as number })), values as number[]);
    case "cisDate":
      return rangesHold(filters.map((f) => ({ lower: f["earliestScanStartTime"] as number, upper: f["latestScanStartTime"] as number })), values as number[]);
    case "number":
      return rangesHold(filters.map((f) => ({ lower: f["lowerInclusive"] as number, upper: f["upperInclusive"] as number })), values as number[]);
    case "port": {
      const ports = values as { begin: number; end: number }[];
      return filters.some((f) => ports.some((p) => inRange(p.begin, { lower: f["beginInclusive"] as number }) && inRange(p.end, { upper: f["endInclusive"] as number })));
    }
    case "package":
      return filters.some((f) => (values as PackageFacet[]).some((p) => packageHolds(f, p)));
    default:
      return true;
  }
}

/**
 * True when `item`'s facets satisfy `criteria`, a value of the structure shape `criteriaShape`
 * (FilterCriteria, CoverageFilterCriteria, …) whose members are filter lists.
 */
export function matchesCriteria(criteriaShape: string, criteria: Record<string, unknown> | null | undefined, facets: Facets): boolean {
  if (criteria === undefined || criteria === null) return true;
  const members = shapeOf(inspector2Model, criteriaShape).members ?? {};
  for (const [name, filters] of Object.entries(criteria)) {
    if (!Array.isArray(filters) || filters.length === 0) continue;
    const ref = members[name];
    if (ref === undefined) continue;
    if (!criterionHolds(ref.shape, filters as Record<string, unknown>[], facets[name])) return false;
  }
  return true;
}
