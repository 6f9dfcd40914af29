/**
 * Event subscriptions: SubscribeToEvent, UnsubscribeFromEvent, ListEventSubscriptions. The resource
 * is an assessment template (the model: "The ARN of the assessment template that is used during the
 * event"); the topic must be an SNS topic ARN (the emulator does not check that it exists).
 * Subscribing twice is a no-op; unsubscribing what is not subscribed is a no-op (emulator choice).
 */
import { isArnOf } from "../arns.js";
import { invalidInput, limitExceeded, noSuchEntity } from "../errors.js";
import { listPage } from "../pagination.js";
import type { HandlerEnv, TemplateRecord } from "../state.js";
import { epochSeconds } from "../time.js";
import { type Handler, type Paging, handler } from "./handler.js";

const SNS_TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/;

/** The template a `resourceArn` member names; shared with tags.ts (INVALID_RESOURCE_ARN when it is not a template ARN). */
export function templateOfResource(env: HandlerEnv, arn: string): TemplateRecord {
  if (!isArnOf(arn, "template")) throw invalidInput("INVALID_RESOURCE_ARN", `'${arn}' is not an assessment template ARN.`);
  const t = env.state.templates.get(arn);
  if (t === undefined) throw noSuchEntity("ASSESSMENT_TEMPLATE_DOES_NOT_EXIST", `The assessment template '${arn}' does not exist.`);
  return t;
}

function checkTopic(arn: string): void {
  if (!SNS_TOPIC_ARN.test(arn)) throw invalidInput("INVALID_SNS_TOPIC_ARN", `'${arn}' is not a valid SNS topic ARN.`);
}

interface SubscriptionInput {
  resourceArn: string;
  event: string;
  topicArn: string;
}

const countSubscriptions = (env: HandlerEnv): number => [...env.state.subscriptions.values()].reduce((n, s) => n + s.events.size, 0);

/** Event subscription handlers by operation name. */
export const subscriptionHandlers: Record<string, Handler> = {
  SubscribeToEvent: handler<SubscriptionInput>((input, env) => {
    const template = templateOfResource(env, input.resourceArn);
    checkTopic(input.topicArn);
    const key = `${template.arn} ${input.topicArn}`;
    const existing = env.state.subscriptions.get(key);
    if (existing?.events.has(input.event)) return {};
    if (countSubscriptions(env) >= env.limits.eventSubscriptions) {
      throw limitExceeded("EVENT_SUBSCRIPTION_LIMIT_EXCEEDED", `You can have at most ${env.limits.eventSubscriptions} event subscriptions.`);
    }
    const sub = existing ?? { resourceArn: template.arn, topicArn: input.topicArn, events: new Map<string, Date>() };
    sub.events.set(input.event, env.now);
    env.state.subscriptions.set(key, sub);
    return {};
  }),

  UnsubscribeFromEvent: handler<SubscriptionInput>((input, env) => {
    const template = templateOfResource(env, input.resourceArn);
    checkTopic(input.topicArn);
    const key = `${template.arn} ${input.topicArn}`;
    const sub = env.state.subscriptions.get(key);
    sub?.events.delete(input.event);
    if (sub !== undefined && sub.events.size === 0) env.state.subscriptions.delete(key);
    return {};
  }),

  ListEventSubscriptions: handler<Paging & { resourceArn?: string | null }>((input, env) => {
    const only = input.resourceArn == null ? undefined : templateOfResource(env, input.resourceArn).arn;
    const subs = [...env.state.subscriptions.values()]
      .filter((s) => only === undefined || s.resourceArn === only)
      .map((s) => ({
        resourceArn: s.resourceArn,
        topicArn: s.topicArn,
        eventSubscriptions: [...s.events].map(([event, at]) => ({ event, subscribedAt: epochSeconds(at) })),
      }));
    return listPage("ListEventSubscriptions", "subscriptions", subs, input);
  }),
};

