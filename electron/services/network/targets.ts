import type { EndpointResolver } from '../aws/endpoints';

/** Every endpoint a test over these regions calls: STS and EC2 of each region, deduplicated. */
export function preflightTargets(regions: readonly string[], endpoints: EndpointResolver): URL[] {
  const urls = regions.flatMap((region) => [endpoints('sts', region), endpoints('ec2', region)]);
  return [...new Map(urls.map((url) => [url.origin, url])).values()];
}
