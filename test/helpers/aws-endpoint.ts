import { startAwsEndpoint, type AwsEndpoint, type EndpointConfig } from '../aws-endpoint';

/** The runner's suite hooks: Vitest's and Playwright's both fit. */
export interface SuiteHooks {
  beforeAll(fn: () => Promise<void>): void;
  afterAll(fn: () => Promise<void>): void;
}

/**
 * The loopback AWS endpoint every test of a file (or of the describe it is called in) talks to:
 * started before the first test, closed after the last. Its url and requests are read inside tests.
 */
export function sharedEndpoint(hooks: SuiteHooks, config: EndpointConfig): AwsEndpoint {
  let started: AwsEndpoint | undefined;
  hooks.beforeAll(async () => {
    started = await startAwsEndpoint(config);
  });
  hooks.afterAll(async () => started?.close());
  const current = (): AwsEndpoint => {
    if (!started) throw new Error('The loopback endpoint starts before the tests: use it inside a test or hook.');
    return started;
  };
  return {
    get url() {
      return current().url;
    },
    get port() {
      return current().port;
    },
    get requests() {
      return current().requests;
    },
    addPrincipal: (principal) => current().addPrincipal(principal),
    close: () => current().close(),
  };
}

/** A loopback endpoint for one test's own world (a fault, a skewed clock), closed however the test ends. */
export async function withEndpoint(config: EndpointConfig, use: (server: AwsEndpoint) => Promise<void>): Promise<void> {
  const server = await startAwsEndpoint(config);
  try {
    await use(server);
  } finally {
    await server.close();
  }
}
