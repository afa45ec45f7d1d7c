import type { RoleArn } from '../../../../shared/delegate/partition';
import type { WorkloadFacts } from '../generate/kubectl';
import { commandLine, shellQuote } from '../generate/shell';
import { AGENT_ADDON } from './facts';

/** Where the association goes and what it maps: the delegate's service account to the role. */
export interface PodIdentityTarget {
  readonly clusterName: string;
  /** Null: the AWS CLI's configured region. */
  readonly region: string | null;
  readonly roleArn: string;
  readonly role: RoleArn;
  readonly namespace: string;
  readonly serviceAccount: string;
  readonly workload: WorkloadFacts;
}

const q = shellQuote;

/**
 * An AWS CLI command, one flag per line, in the cluster's region when it is known. IAM is global in
 * its partition, but the region is what tells the CLI which partition (GovCloud, China) to call.
 */
export function awsCommand(target: PodIdentityTarget, words: readonly string[]): string {
  return commandLine(awsWords(target, words));
}

function awsWords(target: PodIdentityTarget, words: readonly string[]): string[] {
  return [...words, ...(target.region ? [`--region ${q(target.region)}`] : [])];
}

export function addonCommand(target: PodIdentityTarget): string {
  return awsCommand(target, ['aws eks create-addon', `--cluster-name ${q(target.clusterName)}`, `--addon-name ${AGENT_ADDON}`]);
}

export function associationCommand(target: PodIdentityTarget): string {
  return awsCommand(target, [
    'aws eks create-pod-identity-association',
    `--cluster-name ${q(target.clusterName)}`,
    `--namespace ${q(target.namespace)}`,
    `--service-account ${q(target.serviceAccount)}`,
    `--role-arn ${q(target.roleArn)}`,
  ]);
}

/** eksctl's equivalent, on one line so it fits a comment. */
export function eksctlAssociation(target: PodIdentityTarget): string {
  return [
    'eksctl create podidentityassociation',
    `--cluster ${q(target.clusterName)}`,
    `--namespace ${q(target.namespace)}`,
    `--service-account-name ${q(target.serviceAccount)}`,
    `--role-arn ${q(target.roleArn)}`,
    ...(target.region ? [`--region ${q(target.region)}`] : []),
  ].join(' ');
}

/** Deletes the association, finding its ID first: the way back to IRSA. */
export function deleteAssociationCommand(target: PodIdentityTarget): string {
  const findId = awsWords(target, [
    'aws eks list-pod-identity-associations',
    `--cluster-name ${q(target.clusterName)}`,
    `--namespace ${q(target.namespace)}`,
    `--service-account ${q(target.serviceAccount)}`,
    "--query 'associations[0].associationId'",
    '--output text',
  ]).join(' ');
  return awsCommand(target, [
    'aws eks delete-pod-identity-association',
    `--cluster-name ${q(target.clusterName)}`,
    `--association-id "$(${findId})"`,
  ]);
}
