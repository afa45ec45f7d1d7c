import { AppError } from '../../../shared/errors';
import { dnsSuffixOfRegion, findRegion } from '../../../shared/regions';

export type AwsService = 'sts' | 'ec2';

/** Where a service of a region is reached; injected so tests and custom endpoints (VPC, FIPS, emulators) share one path. */
export type EndpointResolver = (service: AwsService, region: string) => URL;

/**
 * AWS's own regional endpoints from the region catalog (FIPS variants on request), unless a custom
 * endpoint URL is given, which then serves every service and region as `--endpoint-url` does.
 */
export function createEndpointResolver(options: { endpointUrl?: string | undefined; fips?: boolean | undefined } = {}): EndpointResolver {
  return (service, region) => {
    if (options.endpointUrl) return new URL(options.endpointUrl);
    const info = findRegion(region);
    const host = info
      ? options.fips
        ? service === 'sts'
          ? info.endpoints.stsFips
          : info.endpoints.ec2Fips
        : service === 'sts'
          ? info.endpoints.sts
          : info.endpoints.ec2
      : dnsSuffixOfRegion(region) && `${service}.${region}.${dnsSuffixOfRegion(region)}`;
    if (!host) {
      throw new AppError(
        'endpoint_resolution_error',
        options.fips
          ? `AWS publishes no FIPS ${service.toUpperCase()} endpoint in ${region}.`
          : `${region} is not a region of any AWS partition, so there is no ${service.toUpperCase()} endpoint to call.`,
        options.fips
          ? 'Turn FIPS off for this region or choose a region with a FIPS endpoint.'
          : 'Use a region code such as us-east-1 (not an Availability Zone like us-east-1a).',
      );
    }
    return new URL(`https://${host}`);
  };
}
