/**
 * The `notifications` operations (NotificationsApi in the official SDK): channels, their
 * subscriptions and the available topics. The channels' WebSocket is http/notification-sockets.ts.
 */
import {
  changeSubscriptions,
  channelOf,
  channelSubscriptions,
  createChannel,
  listChannels,
  removeSubscriptions,
} from '../domain/notifications/channels.js';
import { availableTopics } from '../domain/notifications/topics.js';
import type { OperationHandlers } from '../http/context.js';
import { streamingBase } from './notification-sockets.js';

type ChannelParams = { channelId: string };

/** An array query parameter as the validator leaves it (a string, comma-joined, or a list). */
const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).flatMap((v) => String(v).split(','));

export const notificationHandlers: OperationHandlers = {
  postNotificationsChannels(request) {
    return createChannel(request.server.notifications, request.caller, streamingBase(request));
  },
  getNotificationsChannels(request) {
    const { includechannels } = request.query as { includechannels?: string };
    return listChannels(request.server.notifications, request.caller, includechannels, streamingBase(request));
  },
  headNotificationsChannel(request, reply) {
    const { channelId } = request.params as ChannelParams;
    channelOf(request.server.notifications, request.caller, channelId);
    return reply.code(200).send();
  },
  getNotificationsChannelSubscriptions(request) {
    const { channelId } = request.params as ChannelParams;
    return channelSubscriptions(request.server.notifications, request.caller, channelId);
  },
  putNotificationsChannelSubscriptions(request) {
    const { channelId } = request.params as ChannelParams;
    const { ignoreErrors } = request.query as { ignoreErrors?: unknown };
    return changeSubscriptions(request.server.notifications, request.caller, channelId, request.body, {
      replace: true,
      ignoreErrors: String(ignoreErrors) === 'true',
    });
  },
  postNotificationsChannelSubscriptions(request) {
    const { channelId } = request.params as ChannelParams;
    const { ignoreErrors } = request.query as { ignoreErrors?: unknown };
    return changeSubscriptions(request.server.notifications, request.caller, channelId, request.body, {
      replace: false,
      ignoreErrors: String(ignoreErrors) === 'true',
    });
  },
  deleteNotificationsChannelSubscriptions(request, reply) {
    const { channelId } = request.params as ChannelParams;
    removeSubscriptions(request.server.notifications, request.caller, channelId);
    return reply.code(204).send();
  },
  getNotificationsAvailabletopics(request) {
    const { expand } = request.query as { expand?: unknown };
    return availableTopics(list(expand));
  },
};
