import { AppError, type AppErrorValue } from '../../shared/errors';
import { contract, isChannel, type Channel, type ChannelProgress, type ChannelResult, type ParsedArgs } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/define';
import { DEFAULT_VALUE_LIMITS, valueBoundsProblem } from '../../shared/bounds';
import { redactSecrets } from '../../shared/redact';
import { describeIssues } from '../../shared/validation-message';

/** Who sent a call: the URL of the sending frame and whether it is the window's top-level frame. */
export interface Sender {
  readonly url: string;
  readonly isTopFrame: boolean;
}

export interface CallContext<C extends Channel> {
  readonly sender: Sender;
  readonly emit: (event: ChannelProgress<C>) => void;
}

export type Handler<C extends Channel> = (args: ParsedArgs<C>, context: CallContext<C>) => Promise<ChannelResult<C>> | ChannelResult<C>;

/** The handlers of a group of channels (a capability's channel file): exactly those, each typed by its channel. */
export type HandlersOf<Group> = { [C in keyof Group & Channel]: Handler<C> };

export type Handlers = HandlersOf<typeof contract>;

export interface Router {
  /** Typed by channel for callers that name one; the window's calls arrive as any string and are checked. */
  invoke<C extends Channel>(
    channel: C,
    rawArgs: unknown,
    sender: Sender,
    emit?: (event: ChannelProgress<C>) => void,
  ): Promise<IpcResult<ChannelResult<C>>>;
  invoke(channel: string, rawArgs: unknown, sender: Sender, emit?: (event: unknown) => void): Promise<IpcResult<unknown>>;
}

export interface RouterOptions {
  /** True when a URL is the app's own page; calls from anything else are refused. */
  readonly isAppUrl: (url: string) => boolean;
  /** Where unexpected errors go, already stripped of secrets. */
  readonly log?: (line: string) => void;
}

function failure(errorValue: AppErrorValue): IpcResult<never> {
  return { ok: false, error: errorValue };
}

/**
 * The single gate between renderer and services. Every call is checked in this order: the channel
 * exists, the sender is the app's own top-level page, the argument matches the channel's schema.
 * Only then does the handler run. Its result and progress events are parsed by their schemas, which
 * strip any field the contract does not declare, and any thrown error becomes an error value without
 * a stack trace.
 */
export function createRouter(handlers: Handlers, options: RouterOptions): Router {
  const log = options.log ?? (() => undefined);

  const internal = (channelName: string): IpcResult<never> =>
    failure({
      class: 'internal',
      message: `Something went wrong in the app while handling ${channelName}.`,
      fix: 'Try again. If it keeps happening, restart the app and report the steps that led here.',
    });

  /** Checks the call; the value to run the handler with, or the failure to answer with. */
  function admit(channelName: Channel, rawArgs: unknown, sender: Sender): { args: unknown } | IpcResult<never> {
    if (!sender.isTopFrame || !options.isAppUrl(sender.url)) {
      return failure({
        class: 'forbidden_sender',
        message: `The call to ${channelName} came from a page that is not the app's own window and was refused.`,
        fix: 'Only the app window may call the main process. Restart the app if this persists.',
      });
    }
    const spec = contract[channelName];
    // Size and depth first: a schema or a scan must never meet a value that could exhaust the stack or the clock.
    const tooBig = valueBoundsProblem(rawArgs, { ...DEFAULT_VALUE_LIMITS, ...('limits' in spec ? spec.limits : {}) });
    if (tooBig) {
      return failure({
        class: 'invalid_argument',
        message: `The argument for ${channelName} was refused before reading it: ${tooBig}.`,
        fix: 'Send less at once: split the input, or paste only the part that matters.',
      });
    }
    const parsed = spec.args.safeParse(rawArgs);
    if (parsed.success) return { args: parsed.data };
    return failure({
      class: 'invalid_argument',
      message: redactSecrets(`Invalid argument for ${channelName}: ${describeIssues(parsed.error.issues)}.`),
      fix: 'Correct the highlighted value and try again.',
    });
  }

  async function call(channelName: Channel, args: unknown, sender: Sender, emit: (event: unknown) => void): Promise<IpcResult<unknown>> {
    const spec = contract[channelName];
    // Progress reaches the window like a result does: only the fields the contract declares.
    const send = (event: unknown) => {
      const checked = spec.progress?.safeParse(event);
      if (checked?.success) emit(checked.data);
      else log(`[ipc] ${channelName}: a progress event that does not match the contract was dropped.`);
    };
    try {
      const handler = handlers[channelName] as Handler<Channel>;
      const value = await handler(args as never, { sender, emit: send as never });
      return { ok: true, value: spec.result.parse(value) };
    } catch (error) {
      if (error instanceof AppError) {
        return failure({ class: error.value.class, message: redactSecrets(error.value.message), fix: redactSecrets(error.value.fix) });
      }
      log(`[ipc] ${channelName} failed: ${redactSecrets(error instanceof Error ? error.message : String(error))}`);
      return internal(channelName);
    }
  }

  async function invoke(
    channelName: string,
    rawArgs: unknown,
    sender: Sender,
    emit: (event: unknown) => void = () => undefined,
  ): Promise<IpcResult<unknown>> {
    if (typeof channelName !== 'string' || !isChannel(channelName)) {
      return failure({
        class: 'unknown_channel',
        message: `There is no IPC channel named "${redactSecrets(String(channelName).slice(0, 80))}".`,
        fix: 'Update the app; the window and the main process are out of step.',
      });
    }
    // Calls never reject: whatever fails while admitting the call is an error value too.
    try {
      const admitted = admit(channelName, rawArgs, sender);
      return 'ok' in admitted ? admitted : await call(channelName, admitted.args, sender, emit);
    } catch (error) {
      log(`[ipc] ${channelName} could not be admitted: ${redactSecrets(error instanceof Error ? error.message : String(error))}`);
      return internal(channelName);
    }
  }
  // One implementation serves both overloads: the checks above make the typed one true.
  return { invoke: invoke as Router['invoke'] };
}
