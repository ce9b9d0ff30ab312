// Every GraphQL query and subscription the dashboard sends, and their fragments (its mutations
// are in mutations.ts): typed by `npm run codegen` (src/dashboard/gql/), and listed with their
// sha256 in gql/persisted-documents.json, the manifest of the trusted-documents mode. A schema
// change shows up here first.
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
    withheld
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
      displayName
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
        permissions {
          verb
          allowed
          reason
        }
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

export const CostQuery = graphql(`
  query Cost($window: String!, $aggregate: [String!]) {
    costAllocation(window: $window, aggregate: $aggregate) {
      __typename
      ... on CostAllocation {
        from
        to
        rows {
          name
          idle
          unmounted
          cpuCost
          memoryCost
          gpuCost
          storageCost
          instanceCost
          totalCost
          efficiency
          unpricedReasons
        }
        total {
          totalCost
        }
      }
      ... on Error {
        message
      }
    }
    overview {
      cost {
        monthToDate
        projectedMonth
        idleMonthToDate
        savingsAvailableMonthly
      }
    }
  }
`);
