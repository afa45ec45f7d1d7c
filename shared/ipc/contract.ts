import type { z } from 'zod';
import type { IpcResult } from './define';
import { appChannels } from './channels/app';
import { awsChannels } from './channels/aws';
import { collectChannels } from './channels/collect';
import { connectorsChannels } from './channels/connectors';
import { delegateChannels } from './channels/delegate';
import { doctorChannels } from './channels/doctor';
import { historyChannels } from './channels/history';
import { oidcChannels } from './channels/oidc';
import { policyChannels } from './channels/policy';
import { reportsChannels } from './channels/reports';
import { secretsChannels } from './channels/secrets';

/**
 * Every IPC channel of the app, in one place. The main-side router, the preload's `window.api` and
 * the renderer's types are all derived from this object, so adding a channel is one entry here
 * (usually a spread of a capability's own channel file) and a handler in the main process.
 */
export const contract = {
  ...appChannels,
  ...connectorsChannels,
  ...secretsChannels,
  ...historyChannels,
  ...delegateChannels,
  ...awsChannels,
  ...doctorChannels,
  ...oidcChannels,
  ...collectChannels,
  ...policyChannels,
  ...reportsChannels,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelArgs<C extends Channel> = z.input<Contract[C]['args']>;
export type ParsedArgs<C extends Channel> = z.output<Contract[C]['args']>;
export type ChannelResult<C extends Channel> = z.output<Contract[C]['result']>;
// `progress` is an optional member of ChannelSpec, so the match must allow it to be optional too.
export type ChannelProgress<C extends Channel> = Contract[C] extends { progress?: infer P extends z.ZodType } ? z.output<P> : never;

export const channelNames = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}

type Namespace<C extends string> = C extends `${infer N}.${string}` ? N : never;
type Method<C extends string, N extends string> = C extends `${N}.${infer M}` ? M : never;

/** A call takes no argument when the schema accepts `undefined`. */
type CallFn<C extends Channel> =
  undefined extends ChannelArgs<C>
    ? (args?: ChannelArgs<C>) => Promise<IpcResult<ChannelResult<C>>>
    : (args: ChannelArgs<C>) => Promise<IpcResult<ChannelResult<C>>>;

/** `window.api`: one function per channel, grouped by the part before the dot (`api.secrets.set`). */
export type Api = {
  [N in Namespace<Channel>]: { [M in Method<Channel, N>]: CallFn<Extract<`${N}.${M}`, Channel>> };
} & {
  /** Subscribes to the progress events of a long-running channel; returns the unsubscribe function. */
  onProgress<C extends Channel>(channel: C, listener: (event: ChannelProgress<C>) => void): () => void;
};
