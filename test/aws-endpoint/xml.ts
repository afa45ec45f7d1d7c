import type { Service } from './model';

/** XML text escaping for element content. */
export function esc(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `{A: 'x', B: {C: 'y'}}` → `<A>x</A><B><C>y</C></B>`; arrays become EC2's `<item>` lists. */
export type XmlValue = string | number | XmlObject | XmlValue[];
export interface XmlObject {
  readonly [key: string]: XmlValue | undefined;
}

export function toXml(value: XmlValue): string {
  if (Array.isArray(value)) return value.map((item) => `<item>${toXml(item)}</item>`).join('');
  if (typeof value === 'object') {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([key, v]) => `<${key}>${toXml(v as XmlValue)}</${key}>`)
      .join('');
  }
  return esc(String(value));
}

const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const EC2_NS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

/** STS (awsQuery): `<XResponse><XResult>…</XResult><ResponseMetadata><RequestId>`. */
export function stsSuccess(action: string, result: XmlObject, requestId: string): string {
  return `<${action}Response xmlns="${STS_NS}"><${action}Result>${toXml(result)}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
}

/** EC2 (ec2Query): `<XResponse><requestId>` then the result members directly, lowerCamel. */
export function ec2Success(action: string, result: XmlObject, requestId: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${EC2_NS}"><requestId>${requestId}</requestId>${toXml(result)}</${action}Response>`;
}

/** The two services' error documents differ, and clients parse them differently: keep both exact. */
export function errorBody(service: Service, code: string, message: string, type: 'Sender' | 'Receiver', requestId: string): string {
  if (service === 'sts') {
    return `<ErrorResponse xmlns="${STS_NS}"><Error><Type>${type}</Type><Code>${esc(code)}</Code><Message>${esc(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${esc(code)}</Code><Message>${esc(message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`;
}
