import type { AwsTestService } from '../../electron/services/aws/test-service';
import {
  sweepOptionsSchema,
  testOptionsSchema,
  type SweepOptions,
  type TestConnector,
  type TestOptions,
} from '../../shared/aws-test/input';
import { generateArtifacts as generate, prepareIrsa as prepare } from '../../electron/services/delegate/delegate-service';
import { checkPolicies as check } from '../../electron/services/policy/check';
import { delegateFormSchema, type DelegateFormInput } from '../../shared/delegate/form';
import { policyCheckRequestSchema, type PolicyCheckRequest } from '../../shared/policy/schema';

// Services take requests already checked by their caller's schema (the IPC router, the CLI's flags);
// the tests write requests as a caller would and parse them the same way.

export const checkPolicies = (request: PolicyCheckRequest) => check(policyCheckRequestSchema.parse(request));

export const prepareIrsa = (manifest: string, form: DelegateFormInput) => prepare(manifest, delegateFormSchema.parse(form));

export const generateArtifacts = (form: DelegateFormInput) => generate(delegateFormSchema.parse(form));

export function runTest(
  service: AwsTestService,
  connector: TestConnector,
  options: TestOptions,
  sweep?: SweepOptions,
  hooks?: Parameters<AwsTestService['run']>[3],
) {
  return service.run(connector, testOptionsSchema.parse(options), sweep && sweepOptionsSchema.parse(sweep), hooks);
}
