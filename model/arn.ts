/**
 * ARN formats of Inspector Classic resources and IAM/STS principals: neutral data shared by the
 * emulator, generators and oracles.
 * Source: https://docs.aws.amazon.com/inspector/v1/userguide/inspector-arns-resources.html (the
 * template form uses `/template/` as the AWS CLI examples do; the page's `:template:` is a typo), and
 * the CloudTrail userIdentity page for principal ARNs.
 */

/** Kinds of Inspector Classic resource, in the order of their ARN nesting. */
export type InspectorResourceKind = "resourcegroup" | "target" | "template" | "run" | "finding" | "rulespackage" | "exclusion";

/** `arn:aws:inspector:<region>:<account>:resourcegroup/<id>` */
export const resourceGroupArn = (region: string, account: string, id: string): string =>
  `arn:aws:inspector:${region}:${account}:resourcegroup/${id}`;

/** `arn:aws:inspector:<region>:<account>:target/<id>` */
export const targetArn = (region: string, account: string, id: string): string =>
  `arn:aws:inspector:${region}:${account}:target/${id}`;

/** `<target arn>/template/<id>` */
export const templateArn = (target: string, id: string): string => `${target}/template/${id}`;

/** `<template arn>/run/<id>` */
export const runArn = (template: string, id: string): string => `${template}/run/${id}`;

/** `<run arn>/finding/<id>` */
export const findingArn = (run: string, id: string): string => `${run}/finding/${id}`;

/** `<run arn>/exclusion/<id>` */
export const exclusionArn = (run: string, id: string): string => `${run}/exclusion/${id}`;

/** The kind of an Inspector ARN, by its last resource segment, or undefined for a non-Inspector ARN. */
export function inspectorResourceKind(arn: string): InspectorResourceKind | undefined {
  const m = /^arn:aws:inspector:[a-z0-9-]+:\d{12}:(.+)$/.exec(arn);
  if (!m) return undefined;
  const segments = m[1]!.split("/");
  if (segments[0] === "rulespackage") return "rulespackage";
  if (segments[0] === "resourcegroup" && segments.length === 2) return "resourcegroup";
  const kinds: Record<number, InspectorResourceKind> = { 2: "target", 4: "template", 6: "run", 8: "finding" };
  if (segments[0] !== "target") return undefined;
  if (segments.length === 8 && segments[6] === "exclusion") return "exclusion";
  return kinds[segments.length];
}

/** `arn:aws:iam::<account>:root` */
export const rootArn = (account: string): string => `arn:aws:iam::${account}:root`;

/** `arn:aws:iam::<account>:user<path><name>`; path defaults to `/`. */
export const iamUserArn = (account: string, name: string, path = "/"): string => `arn:aws:iam::${account}:user${path}${name}`;

/** `arn:aws:iam::<account>:role<path><name>`; path defaults to `/`. */
export const iamRoleArn = (account: string, name: string, path = "/"): string => `arn:aws:iam::${account}:role${path}${name}`;

/** `arn:aws:sts::<account>:assumed-role/<role>/<session>` (the role path is not part of it). */
export const assumedRoleArn = (account: string, role: string, session: string): string =>
  `arn:aws:sts::${account}:assumed-role/${role}/${session}`;

/** `arn:aws:sts::<account>:federated-user/<name>` */
export const federatedUserArn = (account: string, name: string): string => `arn:aws:sts::${account}:federated-user/${name}`;
