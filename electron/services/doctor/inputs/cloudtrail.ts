import { partitionOfArn, partitionOfRegion, type PartitionId } from '../../../../shared/regions';
import { clientOf, field, placeOfAgent, record, spotOfField, type Spot } from './common';

/** One CloudTrail event as the Doctor uses it: who called what, where from, and what AWS answered. */
export interface CloudTrailEvent {
  readonly eventName: string | null;
  readonly eventSource: string | null;
  readonly errorCode: Spot | null;
  readonly errorMessage: string | null;
  readonly region: string | null;
  readonly regionPartition: PartitionId | null;
  readonly sourceIp: string | null;
  readonly userAgent: string | null;
  readonly client: string | null;
  readonly place: string | null;
  readonly identityType: string | null;
  /** The caller's ARN, or for web identity and SAML the identity provider. */
  readonly principal: Spot | null;
  readonly principalPartition: PartitionId | null;
  readonly issuerArn: string | null;
  /** The web identity's subject (`system:serviceaccount:<ns>:<sa>` for IRSA). */
  readonly subject: string | null;
  /** The role an AssumeRole* call asked for. */
  readonly roleArn: Spot | null;
}

export interface CloudTrailFacts {
  readonly kind: 'cloudtrail';
  readonly records: number;
  /** Events with an error first, at most MAX_EVENTS of them. */
  readonly events: readonly CloudTrailEvent[];
}

/** A Records file holds up to a few thousand events; the first ones carrying errors are what a diagnosis needs. */
const MAX_SCANNED = 2000;
const MAX_EVENTS = 20;
/** `aws cloudtrail lookup-events` nests each event as a JSON string; each is parsed only up to this size. */
const MAX_NESTED_CHARS = 64 * 1024;

function isEvent(value: unknown): value is Record<string, unknown> {
  const event = record(value);
  return event !== null && typeof event.eventName === 'string' && typeof event.eventSource === 'string';
}

function nestedEvent(value: unknown): Record<string, unknown> | null {
  const wrapper = record(value);
  const inner = wrapper?.CloudTrailEvent;
  if (typeof inner !== 'string' || inner.length > MAX_NESTED_CHARS) return null;
  try {
    const parsed: unknown = JSON.parse(inner);
    return isEvent(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** The events of one event, a `{"Records": [...]}` file or `lookup-events` output; null for any other JSON. */
function eventsOf(json: unknown): { records: number; events: Record<string, unknown>[] } | null {
  if (isEvent(json)) return { records: 1, events: [json] };
  const root = record(json);
  const list = Array.isArray(root?.Records) ? root.Records : Array.isArray(root?.Events) ? root.Events : Array.isArray(json) ? json : null;
  if (!list || list.length === 0) return null;
  const events: Record<string, unknown>[] = [];
  for (const item of list.slice(0, MAX_SCANNED)) {
    const event = isEvent(item) ? item : nestedEvent(item);
    if (event) events.push(event);
  }
  return events.length > 0 ? { records: list.length, events } : null;
}

export function isCloudTrail(json: unknown): boolean {
  return eventsOf(json) !== null;
}

function readEvent(text: string, event: Record<string, unknown>): CloudTrailEvent {
  const identity = record(event.userIdentity);
  const issuer = record(record(identity?.sessionContext)?.sessionIssuer);
  const request = record(event.requestParameters);
  const arn = field(identity?.arn);
  const provider = field(identity?.identityProvider);
  const principalValue = arn ?? provider;
  const region = field(event.awsRegion);
  const userAgent = field(event.userAgent);
  const roleArn = field(request?.roleArn);
  return {
    eventName: field(event.eventName),
    eventSource: field(event.eventSource),
    errorCode: spotOfField(text, 'errorCode', field(event.errorCode)),
    errorMessage: field(event.errorMessage),
    region,
    regionPartition: region ? partitionOfRegion(region) : null,
    sourceIp: field(event.sourceIPAddress),
    userAgent,
    client: clientOf(userAgent),
    place: placeOfAgent(userAgent),
    identityType: field(identity?.type),
    principal: spotOfField(text, arn ? 'arn' : 'identityProvider', principalValue),
    principalPartition: principalValue ? partitionOfArn(principalValue) : null,
    issuerArn: field(issuer?.arn),
    subject: field(identity?.userName),
    roleArn: spotOfField(text, 'roleArn', roleArn),
  };
}

/** Reads the events of parsed CloudTrail JSON; null when the JSON holds none. */
export function readCloudTrail(text: string, json: unknown): CloudTrailFacts | null {
  const found = eventsOf(json);
  if (!found) return null;
  const failed = found.events.filter((event) => typeof event.errorCode === 'string');
  const ordered = [...failed, ...found.events.filter((event) => typeof event.errorCode !== 'string')];
  return { kind: 'cloudtrail', records: found.records, events: ordered.slice(0, MAX_EVENTS).map((event) => readEvent(text, event)) };
}

/** CloudTrail JSON that is not parsed (too large, or cut off): its field names near the start. */
export function looksLikeCloudTrail(head: string): boolean {
  return /"eventSource"\s{0,3}:/.test(head) && /"eventName"\s{0,3}:/.test(head) && /"userIdentity"\s{0,3}:|"Records"\s{0,3}:/.test(head);
}
