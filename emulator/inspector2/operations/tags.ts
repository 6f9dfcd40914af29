/** TagResource, UntagResource and ListTagsForResource on every taggable inspector2 resource. */
import { checkTags, taggableResource, tagsOf } from "../tags.js";
import { type Handler, handler } from "./handler.js";

/** Tagging handlers by operation name. */
export const tagHandlers: Record<string, Handler> = {
  TagResource: handler<{ resourceArn: string; tags: Record<string, string> }>((input, env) => {
    const arn = taggableResource(env, input.resourceArn);
    const existing = env.state.tags.get(arn) ?? {};
    checkTags(env, input.tags, existing);
    env.state.tags.set(arn, { ...existing, ...input.tags });
    return {};
  }),

  UntagResource: handler<{ resourceArn: string; tagKeys: string[] }>((input, env) => {
    const arn = taggableResource(env, input.resourceArn);
    const tags = { ...(env.state.tags.get(arn) ?? {}) };
    for (const key of input.tagKeys) delete tags[key];
    env.state.tags.set(arn, tags);
    return {};
  }),

  ListTagsForResource: handler<{ resourceArn: string }>((input, env) => ({ tags: tagsOf(env, taggableResource(env, input.resourceArn)) ?? {} })),
};
