/**
 * What IAM permissions Harness documents per use case of an AWS connector (reference §3, from the
 * Harness AWS connector settings reference and the CD deployment tutorials). Two consumers:
 * the delegate workbench turns chosen use cases into a permission policy, the policy checker asks
 * whether a customer's policies allow each action.
 *
 * Resources are templates: `{partition}` becomes the ARN partition (`aws`, `aws-us-gov`, `aws-cn`…)
 * and `{bucket}` the S3 bucket name, so GovCloud and China policies are right without editing.
 */

export const USE_CASE_IDS = [
  'describe-regions',
  's3-read',
  's3-write',
  'ecr-pull',
  'ecr-push',
  'cloudformation-eks',
  'cloudformation-eks-full',
  'ecs',
  'lambda',
  'asg',
  'sam',
  'eks',
] as const;
export type UseCaseId = (typeof USE_CASE_IDS)[number];

export interface UseCaseGrant {
  /** Actions exactly as Harness documents them; wildcards such as `s3:Get*` are kept. */
  readonly actions: readonly string[];
  /** Resource ARN templates, or `*`. */
  readonly resources: readonly string[];
  readonly condition?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface HarnessUseCase {
  readonly id: UseCaseId;
  readonly label: string;
  readonly summary: string;
  readonly grants: readonly UseCaseGrant[];
  /**
   * Concrete actions a policy check should evaluate. Wildcard actions cannot be simulated one by
   * one, so each wildcard grant is represented here by the calls Harness actually makes.
   */
  readonly checkActions: readonly string[];
  /** AWS managed policies Harness names as the alternative to the inline grants. */
  readonly managedPolicies: readonly string[];
}

const ANY = ['*'] as const;

const ECR_READ = [
  'ecr:GetAuthorizationToken',
  'ecr:BatchCheckLayerAvailability',
  'ecr:GetDownloadUrlForLayer',
  'ecr:GetRepositoryPolicy',
  'ecr:DescribeRepositories',
  'ecr:ListImages',
  'ecr:DescribeImages',
  'ecr:BatchGetImage',
] as const;

const S3_OBJECT_ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'] as const;

export const USE_CASES: Readonly<Record<UseCaseId, HarnessUseCase>> = {
  'describe-regions': {
    id: 'describe-regions',
    label: 'Connector test (always needed)',
    summary: 'Harness lists regions with ec2:DescribeRegions to test every AWS connector.',
    grants: [{ actions: ['ec2:DescribeRegions'], resources: ANY }],
    checkActions: ['ec2:DescribeRegions'],
    managedPolicies: [],
  },
  's3-read': {
    id: 's3-read',
    label: 'S3 read (artifacts, manifests)',
    summary: 'Read artifacts and files from S3 buckets.',
    grants: [{ actions: ['s3:Get*', 's3:List*'], resources: ANY }],
    checkActions: ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:ListAllMyBuckets'],
    managedPolicies: ['AmazonS3ReadOnlyAccess'],
  },
  's3-write': {
    id: 's3-write',
    label: 'S3 write',
    summary: 'Write objects to one bucket (Harness example policy HarnessS3Write).',
    grants: [
      {
        actions: [
          's3:GetAccountPublicAccessBlock',
          's3:GetBucketAcl',
          's3:GetBucketLocation',
          's3:GetBucketPolicyStatus',
          's3:GetBucketPublicAccessBlock',
          's3:ListAllMyBuckets',
        ],
        resources: ANY,
      },
      { actions: ['s3:ListBucket'], resources: ['arn:{partition}:s3:::{bucket}'] },
      { actions: ['s3:*Object'], resources: ['arn:{partition}:s3:::{bucket}/*'] },
    ],
    checkActions: ['s3:GetBucketLocation', 's3:ListAllMyBuckets', 's3:ListBucket', ...S3_OBJECT_ACTIONS],
    managedPolicies: [],
  },
  'ecr-pull': {
    id: 'ecr-pull',
    label: 'ECR pull (artifact source)',
    summary: 'List and pull container images from ECR.',
    grants: [{ actions: ECR_READ, resources: ANY }],
    checkActions: ECR_READ,
    managedPolicies: ['AmazonEC2ContainerRegistryReadOnly'],
  },
  'ecr-push': {
    id: 'ecr-push',
    label: 'ECR push',
    summary: 'Push images to ECR (AmazonEC2ContainerRegistryFullAccess).',
    grants: [
      { actions: ['ecr:*', 'cloudtrail:LookupEvents'], resources: ANY },
      {
        actions: ['iam:CreateServiceLinkedRole'],
        resources: ANY,
        condition: { StringEquals: { 'iam:AWSServiceName': 'replication.ecr.amazonaws.com' } },
      },
    ],
    checkActions: [...ECR_READ, 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload', 'ecr:PutImage'],
    managedPolicies: ['AmazonEC2ContainerRegistryFullAccess'],
  },
  'cloudformation-eks': {
    id: 'cloudformation-eks',
    label: 'CloudFormation (EKS, limited)',
    summary: 'Provision an EKS cluster with CloudFormation, least privilege.',
    grants: [
      {
        actions: [
          'autoscaling:CreateAutoScalingGroup',
          'autoscaling:DescribeAutoScalingGroups',
          'autoscaling:DescribeScalingActivities',
          'autoscaling:UpdateAutoScalingGroup',
          'autoscaling:CreateLaunchConfiguration',
          'autoscaling:DescribeLaunchConfigurations',
          'cloudformation:CreateStack',
          'cloudformation:DescribeStacks',
          'ec2:AuthorizeSecurityGroupEgress',
          'ec2:AuthorizeSecurityGroupIngress',
          'ec2:RevokeSecurityGroupEgress',
          'ec2:RevokeSecurityGroupIngress',
          'ec2:CreateSecurityGroup',
          'ec2:CreateTags',
          'ec2:DescribeImages',
          'ec2:DescribeKeyPairs',
          'ec2:DescribeRegions',
          'ec2:DescribeSecurityGroups',
          'ec2:DescribeSubnets',
          'ec2:DescribeVpcs',
          'eks:CreateCluster',
          'eks:DescribeCluster',
          'iam:AddRoleToInstanceProfile',
          'iam:AttachRolePolicy',
          'iam:CreateRole',
          'iam:CreateInstanceProfile',
          'iam:CreateServiceLinkedRole',
          'iam:GetRole',
          'iam:ListRoles',
          'iam:PassRole',
          'ssm:GetParameters',
        ],
        resources: ANY,
      },
    ],
    checkActions: [
      'cloudformation:CreateStack',
      'cloudformation:DescribeStacks',
      'eks:CreateCluster',
      'eks:DescribeCluster',
      'ec2:CreateSecurityGroup',
      'ec2:DescribeSubnets',
      'ec2:DescribeVpcs',
      'iam:CreateRole',
      'iam:PassRole',
      'autoscaling:CreateAutoScalingGroup',
      'ssm:GetParameters',
    ],
    managedPolicies: [],
  },
  'cloudformation-eks-full': {
    id: 'cloudformation-eks-full',
    label: 'CloudFormation (EKS, full)',
    summary: 'The broad Harness example: every action of the services an EKS stack touches.',
    grants: [{ actions: ['autoscaling:*', 'cloudformation:*', 'ec2:*', 'eks:*', 'iam:*', 'ssm:*'], resources: ANY }],
    checkActions: [
      'cloudformation:CreateStack',
      'cloudformation:UpdateStack',
      'cloudformation:DeleteStack',
      'cloudformation:DescribeStacks',
      'eks:CreateCluster',
      'eks:DescribeCluster',
      'iam:CreateRole',
      'iam:PassRole',
      'ec2:CreateSecurityGroup',
      'autoscaling:CreateAutoScalingGroup',
      'ssm:GetParameters',
    ],
    managedPolicies: [],
  },
  ecs: {
    id: 'ecs',
    label: 'ECS deployments',
    summary: 'Deploy ECS services (Harness example policy HarnessECS).',
    grants: [
      {
        actions: [
          'ecr:DescribeRepositories',
          'ecr:ListImages',
          'ecr:DescribeImages',
          'ecs:ListClusters',
          'ecs:ListServices',
          'ecs:DescribeServices',
          'ecs:RegisterTaskDefinition',
          'ecs:CreateService',
          'ecs:ListTasks',
          'ecs:DescribeTasks',
          'ecs:DeleteService',
          'ecs:UpdateService',
          'ecs:DescribeContainerInstances',
          'ecs:DescribeTaskDefinition',
          'application-autoscaling:DescribeScalableTargets',
          'application-autoscaling:DescribeScalingPolicies',
          'iam:ListRoles',
          'iam:PassRole',
        ],
        resources: ANY,
      },
    ],
    checkActions: [
      'ecs:ListClusters',
      'ecs:ListServices',
      'ecs:DescribeServices',
      'ecs:RegisterTaskDefinition',
      'ecs:CreateService',
      'ecs:UpdateService',
      'ecs:DeleteService',
      'ecs:ListTasks',
      'ecs:DescribeTasks',
      'ecs:DescribeTaskDefinition',
      'application-autoscaling:DescribeScalableTargets',
      'iam:PassRole',
    ],
    managedPolicies: ['AmazonECS_FullAccess'],
  },
  lambda: {
    id: 'lambda',
    label: 'Lambda deployments',
    summary: 'Deploy AWS Lambda functions natively.',
    grants: [
      { actions: ['iam:Get*', 'iam:List*', 'iam:SimulateCustomPolicy'], resources: ANY },
      {
        actions: [
          'lambda:CreateFunction',
          'lambda:UpdateFunctionCode',
          'lambda:UpdateFunctionConfiguration',
          'lambda:PublishVersion',
          'lambda:CreateAlias',
          'lambda:Get*',
          'lambda:List*',
          'lambda:InvokeFunction',
          'lambda:DeleteFunction',
          'lambda:DeleteAlias',
          'lambda:DeleteFunctionConcurrency',
          'lambda:AddPermission',
          'lambda:RemovePermission',
          'lambda:EnableReplication',
          'lambda:DisableReplication',
          'lambda:GetFunctionCodeSigningConfig',
          'lambda:UpdateFunctionCodeSigningConfig',
          'lambda:GetCodeSigningConfig',
          'lambda:ListCodeSigningConfigs',
          'lambda:CreateCodeSigningConfig',
          'lambda:DeleteCodeSigningConfig',
          'lambda:UpdateFunctionEventInvokeConfig',
          'lambda:GetFunctionEventInvokeConfig',
          'lambda:ListFunctionsByCodeSigningConfig',
          'lambda:ListTags',
          'lambda:TagResource',
          'lambda:UntagResource',
        ],
        resources: ANY,
      },
      { actions: ['s3:Get*', 's3:List*'], resources: ANY },
      { actions: ECR_READ, resources: ANY },
      { actions: ['iam:PassRole'], resources: ['arn:{partition}:iam::*:role/service-role/AWSLambdaExecutionRole'] },
    ],
    checkActions: [
      'lambda:CreateFunction',
      'lambda:UpdateFunctionCode',
      'lambda:UpdateFunctionConfiguration',
      'lambda:PublishVersion',
      'lambda:CreateAlias',
      'lambda:GetFunction',
      'lambda:ListVersionsByFunction',
      'lambda:DeleteFunction',
      'iam:GetRole',
      'iam:ListRoles',
      's3:GetObject',
      'ecr:BatchGetImage',
    ],
    managedPolicies: [
      'IAMReadOnlyAccess',
      'AWSLambdaRole',
      'AWSLambda_FullAccess',
      'AmazonS3ReadOnlyAccess',
      'AmazonEC2ContainerRegistryReadOnly',
    ],
  },
  asg: {
    id: 'asg',
    label: 'Auto Scaling group deployments',
    summary: 'Deploy EC2 Auto Scaling groups with launch templates and load balancers.',
    grants: [
      {
        actions: [
          'autoscaling:AttachLoadBalancers',
          'autoscaling:AttachLoadBalancerTargetGroups',
          'autoscaling:CreateAutoScalingGroup',
          'autoscaling:CreateOrUpdateTags',
          'autoscaling:DeleteAutoScalingGroup',
          'autoscaling:DeleteLifecycleHook',
          'autoscaling:DeletePolicy',
          'autoscaling:DeleteScheduledAction',
          'autoscaling:DeleteTags',
          'autoscaling:DescribeAutoScalingGroups',
          'autoscaling:DescribeInstanceRefreshes',
          'autoscaling:DescribeLifecycleHooks',
          'autoscaling:DescribeLoadBalancers',
          'autoscaling:DescribeLoadBalancerTargetGroups',
          'autoscaling:DescribePolicies',
          'autoscaling:DescribeScheduledActions',
          'autoscaling:DescribeTags',
          'autoscaling:DetachLoadBalancers',
          'autoscaling:DetachLoadBalancerTargetGroups',
          'autoscaling:PutLifecycleHook',
          'autoscaling:PutScalingPolicy',
          'autoscaling:PutScheduledUpdateGroupAction',
          'autoscaling:SetDesiredCapacity',
          'autoscaling:StartInstanceRefresh',
          'autoscaling:UpdateAutoScalingGroup',
          'ec2:CreateLaunchTemplate',
          'ec2:CreateLaunchTemplateVersion',
          'ec2:DescribeLaunchTemplates',
          'ec2:DescribeLaunchTemplateVersions',
          'ec2:DescribeRegions',
          'ec2:DescribeImages',
          'ec2:RunInstances',
          'elasticloadbalancing:DescribeListeners',
          'elasticloadbalancing:DescribeLoadBalancers',
          'elasticloadbalancing:DescribeRules',
          'elasticloadbalancing:DescribeTargetHealth',
          'elasticloadbalancing:ModifyListener',
          'elasticloadbalancing:ModifyRule',
        ],
        resources: ANY,
      },
    ],
    checkActions: [
      'autoscaling:CreateAutoScalingGroup',
      'autoscaling:DescribeAutoScalingGroups',
      'autoscaling:UpdateAutoScalingGroup',
      'autoscaling:DeleteAutoScalingGroup',
      'autoscaling:SetDesiredCapacity',
      'autoscaling:StartInstanceRefresh',
      'ec2:CreateLaunchTemplate',
      'ec2:CreateLaunchTemplateVersion',
      'ec2:DescribeLaunchTemplates',
      'ec2:RunInstances',
      'elasticloadbalancing:DescribeListeners',
      'elasticloadbalancing:ModifyListener',
    ],
    managedPolicies: ['AmazonEC2FullAccess'],
  },
  sam: {
    id: 'sam',
    label: 'AWS SAM deployments',
    summary: 'Harness publishes no fixed policy for SAM; these are the services of the managed policies it names.',
    grants: [{ actions: ['lambda:*', 'cloudformation:*', 's3:*', 'apigateway:*'], resources: ANY }],
    checkActions: [
      'cloudformation:CreateChangeSet',
      'cloudformation:ExecuteChangeSet',
      'cloudformation:DescribeStacks',
      'lambda:CreateFunction',
      'lambda:UpdateFunctionCode',
      's3:PutObject',
      'apigateway:POST',
    ],
    managedPolicies: ['AWSLambda_FullAccess', 'AWSCloudFormationFullAccess', 'AmazonS3FullAccess', 'AmazonAPIGatewayAdministrator'],
  },
  eks: {
    id: 'eks',
    label: 'EKS through the AWS connector',
    summary: 'List and describe clusters; the role must also be mapped in the cluster (aws-auth or access entries).',
    grants: [{ actions: ['eks:DescribeCluster', 'eks:ListClusters'], resources: ANY }],
    checkActions: ['eks:DescribeCluster', 'eks:ListClusters'],
    managedPolicies: [],
  },
};

/** The use case every connector needs, whatever else is chosen. */
export const ALWAYS_USE_CASE: UseCaseId = 'describe-regions';

/** The chosen use cases plus the always-needed one, in catalog order, without duplicates. */
export function withAlwaysNeeded(ids: readonly UseCaseId[]): UseCaseId[] {
  const chosen = new Set<UseCaseId>([ALWAYS_USE_CASE, ...ids]);
  return USE_CASE_IDS.filter((id) => chosen.has(id));
}

/** The concrete actions a policy check should evaluate for the chosen use cases (always-needed included). */
export function checkActionsFor(ids: readonly UseCaseId[]): string[] {
  return [...new Set(withAlwaysNeeded(ids).flatMap((id) => USE_CASES[id].checkActions))];
}

/** Fills a resource template; the bucket defaults to a visible placeholder the user must replace. */
export function renderResource(template: string, values: { partition: string; bucket?: string }): string {
  return template.replaceAll('{partition}', values.partition).replaceAll('{bucket}', values.bucket ?? 'YOUR_BUCKET_NAME');
}
