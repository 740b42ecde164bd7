/**
 * The official SDK's NotificationsApi against the embedded server: sign in with client credentials,
 * create a channel, subscribe, list, HEAD, replace, remove, the available topics, and an event on the
 * channel's connectUri. Answers are checked against openapi/groups.yaml.
 *
 * The SDK's ApiClient is a process-wide singleton: configured once in beforeAll; the tests run in order.
 */
import platformClient from 'purecloud-platform-client-v2';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { PERSONAS } from '../../src/db/seed/personas.js';
import { orgPresenceDefinitions } from '../../src/domain/users/presence.js';
import { expectResponseMatches } from '../support/openapi-validator.js';
import { sdkClient, sdkSuite } from '../support/sdk.js';

const suite = sdkSuite({ extended: false, signIn: true });
const notifications = new platformClient.NotificationsApi();

describe('NotificationsApi from the official SDK', () => {
  let channel: platformClient.Models.Channel;
  const user = PERSONAS.owner.id;

  it('creates a channel', async () => {
    channel = await notifications.postNotificationsChannels();
    expectResponseMatches('postNotificationsChannels', 200, channel);
    expect(channel.id).toBeTruthy();
    expect(channel.connectUri).toBe(`ws://${new URL(suite.server.url).host}/streaming/channels/${channel.id}`);
  });

  it('subscribes, lists and replaces topics, and checks the channel with HEAD', async () => {
    const id = channel.id as string;
    const added = await notifications.postNotificationsChannelSubscriptions(id, [
      { id: `v2.users.${user}.presence` },
      { id: `v2.users.${user}.activity` },
    ]);
    expectResponseMatches('postNotificationsChannelSubscriptions', 200, added);
    expect(added.entities?.map((t) => t.id)).toEqual([`v2.users.${user}.presence`, `v2.users.${user}.activity`]);
    const listed = await notifications.getNotificationsChannelSubscriptions(id);
    expect(listed.entities).toHaveLength(2);
    const replaced = await notifications.putNotificationsChannelSubscriptions(id, [
      { id: `v2.users.${user}.presence` },
    ]);
    expect(replaced.entities?.map((t) => t.id)).toEqual([`v2.users.${user}.presence`]);
    const rejected = await notifications.postNotificationsChannelSubscriptions(id, [{ id: 'v2.nothing' }], {
      ignoreErrors: true,
    });
    expect(rejected.entities?.find((t) => t.id === 'v2.nothing')?.state).toBe('Rejected');
    await notifications.headNotificationsChannel(id);
    const channels = await notifications.getNotificationsChannels();
    expect(channels.entities?.map((c) => c.id)).toContain(id);
    const across = await notifications.getNotificationsChannels({ includechannels: 'oauthclient' });
    expect(across.entities?.length).toBeGreaterThanOrEqual(1);
  });

  it('delivers a presence change on the connectUri', async () => {
    const socket = new WebSocket(channel.connectUri as string);
    const event = new Promise<{ topicName: string; eventBody: { presenceDefinition?: { systemPresence?: string } } }>(
      (resolve) =>
        socket.on('message', (data) => {
          const message = JSON.parse(String(data)) as { topicName: string; eventBody: never };
          if (message.topicName === `v2.users.${user}.presence`) resolve(message);
        }),
    );
    await new Promise((resolve) => socket.once('open', resolve));
    const away = orgPresenceDefinitions().find((d) => d.systemPresence === 'Away');
    // The user sets their own presence (the SDK's client-credentials token may not set someone else's).
    const patched = await fetch(`${suite.server.url}/api/v2/users/${user}/presences/PURECLOUD`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${suite.server.tokenFor('owner')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ presenceDefinition: { id: away?.id } }),
    });
    expect(patched.status).toBe(200);
    const received = await event;
    expect(received.eventBody.presenceDefinition?.systemPresence).toBe('Away');
    socket.close();
  });

  it('removes every subscription, and lists the available topics with expand', async () => {
    const id = channel.id as string;
    await notifications.deleteNotificationsChannelSubscriptions(id);
    const listed = await notifications.getNotificationsChannelSubscriptions(id);
    expect(listed.entities).toEqual([]);
    const topics = await notifications.getNotificationsAvailabletopics({
      expand: ['description', 'requiresPermissions'],
    });
    expectResponseMatches('getNotificationsAvailabletopics', 200, topics);
    const presenceTopic = topics.entities?.find((t) => t.id === 'v2.users.{id}.presence');
    expect(presenceTopic?.requiresPermissions).toEqual([]);
    expect(typeof presenceTopic?.description).toBe('string');
  });

  it('rejects HEAD and subscriptions of an unknown channel with 404', async () => {
    sdkClient.setReturnExtendedResponses(true);
    try {
      for (const call of [
        () => notifications.headNotificationsChannel('no-such-channel'),
        () => notifications.getNotificationsChannelSubscriptions('no-such-channel'),
      ]) {
        const error = (await call().then(
          () => undefined,
          (e: unknown) => e,
        )) as { status?: number } | undefined;
        expect(error?.status).toBe(404);
      }
    } finally {
      sdkClient.setReturnExtendedResponses(false);
    }
  });
});
