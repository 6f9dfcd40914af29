/**
 * SetTagsForResource and ListTagsForResource. Only assessment templates carry tags in Inspector
 * Classic (the model: "Sets tags (key and value pairs) to the assessment template"; "Lists all tags
 * associated with an assessment template"); any other ARN is INVALID_RESOURCE_ARN.
 * SetTagsForResource replaces the whole set; omitting `tags` clears it.
 */
import { checkUniqueKeys } from "../checks.js";
import type { KeyValue } from "../state.js";
import { type Handler, handler } from "./handler.js";
import { templateOfResource } from "./subscriptions.js";

/** Tagging handlers by operation name. */
export const tagHandlers: Record<string, Handler> = {
  SetTagsForResource: handler<{ resourceArn: string; tags?: KeyValue[] | null }>((input, env) => {
    const template = templateOfResource(env, input.resourceArn);
    const tags = input.tags ?? [];
    checkUniqueKeys(tags, "INVALID_TAG_KEY");
    template.tags = tags.map((t) => ({ ...t }));
    return {};
  }),

  ListTagsForResource: handler<{ resourceArn: string }>((input, env) => ({
    tags: templateOfResource(env, input.resourceArn).tags.map((t) => ({ ...t })),
  })),
};
