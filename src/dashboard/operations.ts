// Every GraphQL operation the dashboard sends, in one place: typed by `npm run codegen`
// (src/dashboard/gql/), and listed with their sha256 in gql/persisted-documents.json, the
// manifest of the trusted-documents mode. A schema change shows up here first.
import { graphql } from './gql/gql.ts';

export const ResourceRowFields = graphql(`
  fragment ResourceRowFields on Resource {
    id
    provider
    kind
    cluster
    namespace
    name
    state
    cpuUsage
    memoryUsage
    createdAt
  }
`);

export const AuditRowFields = graphql(`
  fragment AuditRowFields on AuditEvent {
    id
    timestamp
    actor
    actorName
    actorRole
    source
    action
    verb
    status
    dryRun
    parameters
    before
    after
    durationMs
    error {
      code
      message
    }
    target {
      id
      kind
      namespace
      name
    }
  }
`);

export const RecommendationRowFields = graphql(`
  fragment RecommendationRowFields on Recommendation {
    id
    type
    status
    statusReason
    title
    summary
    targetId
    targetName
    source
    sourceName
    customType
    risk
    confidence
    estimatedMonthlySavings
    current
    recommended
    evidence
    action
    createdAt
    appliedAuditEvent {
      id
    }
  }
`);

export const ViewerQuery = graphql(`
  query DashViewer {
    viewer {
      name
      role
    }
  }
`);

const OverviewFields = graphql(`
  fragment OverviewFields on Overview {
    generatedAt
    status {
      name
      state
      message
    }
    resources {
      total
      byKind {
        key
        count
      }
      byState {
        key
        count
      }
      byProvider {
        key
        count
      }
    }
    metrics {
      collectedAt
      clusters {
        cluster
        cpuUsage
        cpuRequest
        cpuCapacity
        memoryUsage
        memoryRequest
        memoryCapacity
      }
    }
    recommendations {
      count
      totalMonthlySavings
      top {
        id
        title
        targetName
        estimatedMonthlySavings
      }
    }
    recentActions {
      ...AuditRowFields
    }
  }
`);
void OverviewFields;

export const OverviewQuery = graphql(`
  query DashOverview {
    overview {
      ...OverviewFields
    }
  }
`);

export const OverviewSubscription = graphql(`
  subscription DashOverviewLive {
    overview {
      ...OverviewFields
    }
  }
`);

export const ResourcesQuery = graphql(`
  query DashResources($filter: ResourceFilter, $first: Int, $after: String) {
    resources(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      failures {
        provider
        cluster
        message
      }
      edges {
        node {
          ...ResourceRowFields
        }
      }
    }
  }
`);

export const ResourceEventsSubscription = graphql(`
  subscription DashResourceEvents($filter: ResourceFilter, $after: String) {
    resourceEvents(filter: $filter, after: $after) {
      cursor
      gap {
        skipped
      }
      type
      timestamp
      resource {
        ...ResourceRowFields
      }
    }
  }
`);

export const ResourceQuery = graphql(`
  query DashResource($id: ID!) {
    node(id: $id) {
      ... on Resource {
        ...ResourceRowFields
        actions
        labels {
          key
          value
        }
        usage {
          cpuRequest
          cpuLimit
          cpuCapacity
          memoryRequest
          memoryLimit
          memoryCapacity
        }
        recommendations(first: 20) {
          edges {
            node {
              ...RecommendationRowFields
            }
          }
        }
        auditLog(first: 20) {
          edges {
            node {
              ...AuditRowFields
            }
          }
        }
      }
      ... on Deployment {
        desiredReplicas
        readyReplicas
      }
      ... on StatefulSet {
        desiredReplicas
        readyReplicas
      }
      ... on ReplicaSet {
        desiredReplicas
        readyReplicas
      }
    }
  }
`);

export const MetricsHistoryQuery = graphql(`
  query DashMetricsHistory($targets: [ID!]!, $names: [MetricName!], $range: MetricRangeInput) {
    metrics(targets: $targets, names: $names, range: $range) {
      name
      unit
      points {
        timestamp
        value
      }
    }
  }
`);

export const MetricSamplesSubscription = graphql(`
  subscription DashMetricSamples($targets: [ID!]!, $names: [MetricName!]) {
    metrics(targets: $targets, names: $names) {
      name
      unit
      timestamp
      value
    }
  }
`);

export const RecommendationsQuery = graphql(`
  query DashRecommendations($filter: RecommendationFilter, $first: Int, $after: String) {
    recommendations(filter: $filter, first: $first, after: $after) {
      totalCount
      totalMonthlySavings
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...RecommendationRowFields
        }
      }
    }
  }
`);

export const RecommendationEventsSubscription = graphql(`
  subscription DashRecommendationEvents($after: String) {
    recommendationEvents(after: $after) {
      cursor
      gap {
        skipped
      }
      type
      timestamp
      recommendation {
        id
        status
      }
    }
  }
`);

export const AuditLogQuery = graphql(`
  query DashAuditLog($filter: AuditLogFilter, $first: Int, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...AuditRowFields
          hash
          prevHash
        }
      }
    }
  }
`);

export const AuditEventsSubscription = graphql(`
  subscription DashAuditEvents($filter: AuditLogFilter, $after: String) {
    auditEvents(filter: $filter, after: $after) {
      cursor
      gap {
        skipped
      }
      ...AuditRowFields
      hash
      prevHash
    }
  }
`);

export const VerifyAuditQuery = graphql(`
  query DashVerifyAudit {
    verifyAuditLog {
      valid
      checkedEvents
      checkedRecords
      firstInvalidEventId
      reason
    }
  }
`);

const ActionOutcome = graphql(`
  fragment ActionOutcome on ActionResult {
    dryRun
    auditEvent {
      ...AuditRowFields
    }
  }
`);
void ActionOutcome;

export const ScaleMutation = graphql(`
  mutation DashScale($input: ScaleResourceInput!) {
    scaleResource(input: $input) {
      __typename
      ... on ActionResult {
        ...ActionOutcome
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

export const StartMutation = graphql(`
  mutation DashStart($input: StartResourceInput!) {
    startResource(input: $input) {
      __typename
      ... on ActionResult {
        ...ActionOutcome
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

export const StopMutation = graphql(`
  mutation DashStop($input: StopResourceInput!) {
    stopResource(input: $input) {
      __typename
      ... on ActionResult {
        ...ActionOutcome
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

export const RestartMutation = graphql(`
  mutation DashRestart($input: RestartResourceInput!) {
    restartResource(input: $input) {
      __typename
      ... on ActionResult {
        ...ActionOutcome
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

export const ApplyRecommendationMutation = graphql(`
  mutation DashApplyRecommendation($input: ApplyRecommendationInput!) {
    applyRecommendation(input: $input) {
      __typename
      ... on ActionResult {
        ...ActionOutcome
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

export const RejectRecommendationMutation = graphql(`
  mutation DashRejectRecommendation($input: RejectRecommendationInput!) {
    rejectRecommendation(input: $input) {
      __typename
      ... on ActionResult {
        ...ActionOutcome
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

export const RevertMutation = graphql(`
  mutation DashRevert($input: RevertActionInput!) {
    revertAction(input: $input) {
      __typename
      ... on ActionResult {
        ...ActionOutcome
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

export const ChatMutation = graphql(`
  mutation DashChat($input: ChatInput!) {
    chat(input: $input) {
      __typename
      ... on ChatSuccess {
        conversationId
        reply
        requiresConfirmation
        confirmationToken
        intent {
          name
          confidence
        }
        plan {
          action
          parameters
          preview
          target {
            id
            kind
            namespace
            name
          }
        }
        generatedCode {
          language
          filename
          content
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

export const ChatStepFields = graphql(`
  fragment ChatStepFields on ChatStepOutcome {
    __typename
    index
    action
    status
    target {
      kind
      namespace
      name
    }
    ... on ChatStepFailed {
      code
      message
    }
  }
`);

export const ConfirmChatPlanMutation = graphql(`
  mutation DashConfirmChatPlan($input: ConfirmChatPlanInput!) {
    confirmChatPlan(input: $input) {
      __typename
      ... on ConfirmChatPlanSuccess {
        reply
        steps {
          ...ChatStepFields
        }
        auditEvents {
          ...AuditRowFields
        }
      }
      ... on ChatPlanIncompleteError {
        reply
        steps {
          ...ChatStepFields
        }
        auditEvents {
          ...AuditRowFields
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);
