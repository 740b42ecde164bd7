/**
 * The Notifications API's operations on channels and subscriptions (NotificationsApi in the SDK),
 * over a NotificationHub. The HTTP layer gives the streaming base URL that connectUri starts with.
 *
 * Decisions where the public record is silent (docs/roster.md):
 *   - A channel belongs to the token that created it; the caller's user and OAuth client reach it with
 *     any of their tokens (the 20-channel limit counts per user and OAuth client).
 *   - A topic that is not one of this server's answers 400 bad.request naming it; a topic whose
 *     permission the caller lacks answers 403 missing.any.permissions. With `ignoreErrors=true` both are
 *     left out and listed in the answer with `state: "Rejected"` and the reason.
 *   - More than 1,000 topics on a channel answers 400 bad.request with `limit` {namespace notifications,
 *     key topics.per.channel, value 1000}; the channel keeps the topics it had.
 */
import type { Caller } from '../../auth/caller.js';
import { ApiErrorWithBody, badRequest, missingAnyPermissions, notFound } from '../../contract/errors.js';
import type { NotificationChannel, NotificationHub } from './hub.js';
import { missingTopicPermissions, parseTopic } from './topics.js';

export interface ChannelModel {
  id?: string;
  connectUri?: string;
  expires: string;
}

interface ChannelTopicModel {
  id: string;
  state?: 'Permitted' | 'Rejected';
  rejectionReason?: string;
  missingPermissions?: string[];
}

const model = (channel: NotificationChannel, streamingBase: string): ChannelModel => ({
  connectUri: `${streamingBase}/${channel.id}`,
  id: channel.id,
  expires: new Date(channel.expiresAt).toISOString(),
});

/** POST /api/v2/notifications/channels */
export function createChannel(hub: NotificationHub, caller: Caller, streamingBase: string): ChannelModel {
  const channel = hub.create({ userId: caller.userId, clientId: caller.clientId, token: caller.token });
  return model(channel, streamingBase);
}

/** GET /api/v2/notifications/channels: `includechannels` is `token` (default) or `oauthclient`. */
export function listChannels(
  hub: NotificationHub,
  caller: Caller,
  includechannels: string | undefined,
  streamingBase: string,
): { entities: ChannelModel[] } {
  const all = hub.channelsOf(caller);
  const acrossTokens = includechannels?.toLowerCase() === 'oauthclient';
  return {
    entities: all
      .filter((c) => acrossTokens || c.owner.token === caller.token)
      // Channels of the caller's other tokens show that they exist, without their ids.
      .map((c) => (c.owner.token === caller.token ? model(c, streamingBase) : { expires: model(c, '').expires })),
  };
}

/** The caller's channel with that id, or 404. */
export function channelOf(hub: NotificationHub, caller: Caller, channelId: string): NotificationChannel {
  const channel = hub.find(channelId);
  if (!channel || channel.owner.clientId !== caller.clientId || channel.owner.userId !== caller.userId)
    throw notFound(`No channel with id ${channelId}.`, channelId);
  return channel;
}

const listing = (channel: NotificationChannel, rejected: readonly ChannelTopicModel[] = []) => ({
  entities: [...[...channel.subscriptions.keys()].map((id) => ({ id })), ...rejected],
});

/** GET …/subscriptions */
export function channelSubscriptions(hub: NotificationHub, caller: Caller, channelId: string) {
  const channel = channelOf(hub, caller, channelId);
  hub.touch(channel);
  return listing(channel);
}

/** PUT (replace) or POST (add) …/subscriptions */
export function changeSubscriptions(
  hub: NotificationHub,
  caller: Caller,
  channelId: string,
  body: unknown,
  options: { replace: boolean; ignoreErrors: boolean },
) {
  const channel = channelOf(hub, caller, channelId);
  const requested = (Array.isArray(body) ? body : []) as Array<{ id?: unknown }>;
  const next = new Map<string, readonly string[]>(options.replace ? [] : channel.subscriptions);
  const rejected: ChannelTopicModel[] = [];
  for (const [index, item] of requested.entries()) {
    const id = typeof item?.id === 'string' ? item.id.trim() : '';
    const parsed = parseTopic(id, hub.auditEntityTypes);
    if (!parsed.ok) {
      if (!options.ignoreErrors)
        throw badRequest(parsed.reason, [{ errorCode: 'bad.request', fieldName: `[${index}].id` }]);
      rejected.push({ id, state: 'Rejected', rejectionReason: parsed.reason });
      continue;
    }
    const missing = missingTopicPermissions(parsed.topic, caller.permissions);
    if (missing.length > 0) {
      if (!options.ignoreErrors) throw missingAnyPermissions([...missing]);
      rejected.push({
        id,
        state: 'Rejected',
        rejectionReason: 'The caller lacks the permission the topic needs.',
        missingPermissions: [...missing],
      });
      continue;
    }
    next.set(parsed.topic.id, parsed.topic.concrete);
  }
  const max = hub.limits.topicsPerChannel;
  if (next.size > max)
    throw new ApiErrorWithBody(
      400,
      'bad.request',
      `A channel may have at most ${max} topics; this request would give it ${next.size}.`,
      {
        messageWithParams: 'A channel may have at most {limit} topics; this request would give it {count}.',
        messageParams: { limit: String(max), count: String(next.size) },
      },
      { limit: { namespace: 'notifications', key: 'topics.per.channel', value: max } },
    );
  hub.setSubscriptions(channel, next);
  return listing(channel, rejected);
}

/** DELETE …/subscriptions */
export function removeSubscriptions(hub: NotificationHub, caller: Caller, channelId: string): void {
  hub.setSubscriptions(channelOf(hub, caller, channelId), new Map());
}
