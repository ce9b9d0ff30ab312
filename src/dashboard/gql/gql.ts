/* eslint-disable */
import * as types from './graphql.ts';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ActionOutcome on ActionResult {\n    dryRun\n    auditEvent {\n      ...AuditRowFields\n    }\n  }\n": typeof types.ActionOutcomeFragmentDoc,
    "\n  mutation DashScale($input: ScaleResourceInput!) {\n    scaleResource(input: $input) {\n      __typename\n      ... on ActionResult {\n        ...ActionOutcome\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": typeof types.DashScaleDocument,
    "\n  mutation DashStart($input: StartResourceInput!) {\n    startResource(input: $input) {\n      __typename\n      ... on ActionResult {\n        ...ActionOutcome\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": typeof types.DashStartDocument,
    "\n  mutation DashStop($input: StopResourceInput!) {\n    stopResource(input: $input) {\n      __typename\n      ... on ActionResult {\n        ...ActionOutcome\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": typeof types.DashStopDocument,
    "\n  mutation DashRestart($input: RestartResourceInput!) {\n    restartResource(input: $input) {\n      __typename\n      ... on ActionResult {\n        ...ActionOutcome\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": typeof types.DashRestartDocument,
    "\n  mutation DashApplyRecommendation($input: ApplyRecommendationInput!) {\n    applyRecommendation(input: $input) {\n      __typename\n      ... on ActionResult {\n        ...ActionOutcome\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": typeof types.DashApplyRecommendationDocument,
    "\n  mutation DashRejectRecommendation($input: RejectRecommendationInput!) {\n    rejectRecommendation(input: $input) {\n      __typename\n      ... on ActionResult {\n        ...ActionOutcome\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": typeof types.DashRejectRecommendationDocument,
    "\n  mutation DashRevert($input: RevertActionInput!) {\n    revertAction(input: $input) {\n      __typename\n      ... on ActionResult {\n        ...ActionOutcome\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": typeof types.DashRevertDocument,
    "\n  mutation DashChat($input: ChatInput!) {\n    chat(input: $input) {\n      __typename\n      ... on ChatSuccess {\n        conversationId\n        reply\n        requiresConfirmation\n        confirmationToken\n        intent {\n          name\n          confidence\n        }\n        plan {\n          action\n          parameters\n          preview\n          target {\n            id\n            kind\n            namespace\n            name\n          }\n        }\n        generatedCode {\n          language\n          filename\n          content\n        }\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": typeof types.DashChatDocument,
    "\n  fragment ChatStepFields on ChatStepOutcome {\n    __typename\n    index\n    action\n    status\n    target {\n      kind\n      namespace\n      name\n    }\n    ... on ChatStepFailed {\n      code\n      message\n    }\n  }\n": typeof types.ChatStepFieldsFragmentDoc,
    "\n  mutation DashConfirmChatPlan($input: ConfirmChatPlanInput!) {\n    confirmChatPlan(input: $input) {\n      __typename\n      ... on ConfirmChatPlanSuccess {\n        reply\n        steps {\n          ...ChatStepFields\n        }\n        auditEvents {\n          ...AuditRowFields\n        }\n      }\n      ... on ChatPlanIncompleteError {\n        reply\n        steps {\n          ...ChatStepFields\n        }\n        auditEvents {\n          ...AuditRowFields\n        }\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": typeof types.DashConfirmChatPlanDocument,
    "\n  fragment ResourceRowFields on Resource {\n    id\n    provider\n    kind\n    cluster\n    namespace\n    name\n    state\n    cpuUsage\n    memoryUsage\n    createdAt\n  }\n": typeof types.ResourceRowFieldsFragmentDoc,
    "\n  fragment AuditRowFields on AuditEvent {\n    id\n    timestamp\n    actor\n    actorName\n    actorRole\n    source\n    action\n    verb\n    status\n    dryRun\n    parameters\n    before\n    after\n    withheld\n    durationMs\n    error {\n      code\n      message\n    }\n    target {\n      id\n      kind\n      namespace\n      name\n    }\n  }\n": typeof types.AuditRowFieldsFragmentDoc,
    "\n  fragment RecommendationRowFields on Recommendation {\n    id\n    type\n    status\n    statusReason\n    title\n    summary\n    targetId\n    targetName\n    source\n    sourceName\n    customType\n    risk\n    confidence\n    estimatedMonthlySavings\n    current\n    recommended\n    evidence\n    action\n    createdAt\n    appliedAuditEvent {\n      id\n    }\n  }\n": typeof types.RecommendationRowFieldsFragmentDoc,
    "\n  query DashViewer {\n    viewer {\n      name\n      displayName\n      role\n    }\n  }\n": typeof types.DashViewerDocument,
    "\n  fragment OverviewFields on Overview {\n    generatedAt\n    status {\n      name\n      state\n      message\n    }\n    resources {\n      total\n      byKind {\n        key\n        count\n      }\n      byState {\n        key\n        count\n      }\n      byProvider {\n        key\n        count\n      }\n    }\n    metrics {\n      collectedAt\n      clusters {\n        cluster\n        cpuUsage\n        cpuRequest\n        cpuCapacity\n        memoryUsage\n        memoryRequest\n        memoryCapacity\n      }\n    }\n    recommendations {\n      count\n      totalMonthlySavings\n      top {\n        id\n        title\n        targetName\n        estimatedMonthlySavings\n      }\n    }\n    recentActions {\n      ...AuditRowFields\n    }\n  }\n": typeof types.OverviewFieldsFragmentDoc,
    "\n  query DashOverview {\n    overview {\n      ...OverviewFields\n    }\n  }\n": typeof types.DashOverviewDocument,
    "\n  subscription DashOverviewLive {\n    overview {\n      ...OverviewFields\n    }\n  }\n": typeof types.DashOverviewLiveDocument,
    "\n  query DashResources($filter: ResourceFilter, $first: Int, $after: String) {\n    resources(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      failures {\n        provider\n        cluster\n        message\n      }\n      edges {\n        node {\n          ...ResourceRowFields\n        }\n      }\n    }\n  }\n": typeof types.DashResourcesDocument,
    "\n  subscription DashResourceEvents($filter: ResourceFilter, $after: String) {\n    resourceEvents(filter: $filter, after: $after) {\n      cursor\n      gap {\n        skipped\n      }\n      type\n      timestamp\n      resource {\n        ...ResourceRowFields\n      }\n    }\n  }\n": typeof types.DashResourceEventsDocument,
    "\n  query DashResource($id: ID!) {\n    node(id: $id) {\n      ... on Resource {\n        ...ResourceRowFields\n        actions\n        permissions {\n          verb\n          allowed\n          reason\n        }\n        labels {\n          key\n          value\n        }\n        usage {\n          cpuRequest\n          cpuLimit\n          cpuCapacity\n          memoryRequest\n          memoryLimit\n          memoryCapacity\n        }\n        recommendations(first: 20) {\n          edges {\n            node {\n              ...RecommendationRowFields\n            }\n          }\n        }\n        auditLog(first: 20) {\n          edges {\n            node {\n              ...AuditRowFields\n            }\n          }\n        }\n      }\n      ... on Deployment {\n        desiredReplicas\n        readyReplicas\n      }\n      ... on StatefulSet {\n        desiredReplicas\n        readyReplicas\n      }\n      ... on ReplicaSet {\n        desiredReplicas\n        readyReplicas\n      }\n    }\n  }\n": typeof types.DashResourceDocument,
    "\n  query DashMetricsHistory($targets: [ID!]!, $names: [MetricName!], $range: MetricRangeInput) {\n    metrics(targets: $targets, names: $names, range: $range) {\n      name\n      unit\n      points {\n        timestamp\n        value\n      }\n    }\n  }\n": typeof types.DashMetricsHistoryDocument,
    "\n  subscription DashMetricSamples($targets: [ID!]!, $names: [MetricName!]) {\n    metrics(targets: $targets, names: $names) {\n      name\n      unit\n      timestamp\n      value\n    }\n  }\n": typeof types.DashMetricSamplesDocument,
    "\n  query DashRecommendations($filter: RecommendationFilter, $first: Int, $after: String) {\n    recommendations(filter: $filter, first: $first, after: $after) {\n      totalCount\n      totalMonthlySavings\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...RecommendationRowFields\n        }\n      }\n    }\n  }\n": typeof types.DashRecommendationsDocument,
    "\n  subscription DashRecommendationEvents($after: String) {\n    recommendationEvents(after: $after) {\n      cursor\n      gap {\n        skipped\n      }\n      type\n      timestamp\n      recommendation {\n        id\n        status\n      }\n    }\n  }\n": typeof types.DashRecommendationEventsDocument,
    "\n  query DashAuditLog($filter: AuditLogFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AuditRowFields\n          hash\n          prevHash\n        }\n      }\n    }\n  }\n": typeof types.DashAuditLogDocument,
    "\n  subscription DashAuditEvents($filter: AuditLogFilter, $after: String) {\n    auditEvents(filter: $filter, after: $after) {\n      cursor\n      gap {\n        skipped\n      }\n      ...AuditRowFields\n      hash\n      prevHash\n    }\n  }\n": typeof types.DashAuditEventsDocument,
    "\n  query DashVerifyAudit {\n    verifyAuditLog {\n      valid\n      checkedEvents\n      checkedRecords\n      firstInvalidEventId\n      reason\n    }\n  }\n": typeof types.DashVerifyAuditDocument,
    "\n  query Cost($window: String!, $aggregate: [String!]) {\n    costAllocation(window: $window, aggregate: $aggregate) {\n      __typename\n      ... on CostAllocation {\n        from\n        to\n        rows {\n          name\n          idle\n          unmounted\n          cpuCost\n          memoryCost\n          gpuCost\n          storageCost\n          instanceCost\n          totalCost\n          efficiency\n          unpricedReasons\n        }\n        total {\n          totalCost\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n    overview {\n      cost {\n        monthToDate\n        projectedMonth\n        idleMonthToDate\n        savingsAvailableMonthly\n      }\n    }\n  }\n": typeof types.CostDocument,
};
const documents: Documents = {
    "\n  fragment ActionOutcome on ActionResult {\n    dryRun\n    auditEvent {\n      ...AuditRowFields\n    }\n  }\n": types.ActionOutcomeFragmentDoc,
    "\n  mutation DashScale($input: ScaleResourceInput!) {\n    scaleResource(input: $input) {\n      __typename\n      ... on ActionResult {\n        ...ActionOutcome\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": types.DashScaleDocument,
    "\n  mutation DashStart($input: StartResourceInput!) {\n    startResource(input: $input) {\n      __typename\n      ... on ActionResult {\n        ...ActionOutcome\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": types.DashStartDocument,
    "\n  mutation DashStop($input: StopResourceInput!) {\n    stopResource(input: $input) {\n      __typename\n      ... on ActionResult {\n        ...ActionOutcome\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": types.DashStopDocument,
    "\n  mutation DashRestart($input: RestartResourceInput!) {\n    restartResource(input: $input) {\n      __typename\n      ... on ActionResult {\n        ...ActionOutcome\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": types.DashRestartDocument,
    "\n  mutation DashApplyRecommendation($input: ApplyRecommendationInput!) {\n    applyRecommendation(input: $input) {\n      __typename\n      ... on ActionResult {\n        ...ActionOutcome\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": types.DashApplyRecommendationDocument,
    "\n  mutation DashRejectRecommendation($input: RejectRecommendationInput!) {\n    rejectRecommendation(input: $input) {\n      __typename\n      ... on ActionResult {\n        ...ActionOutcome\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": types.DashRejectRecommendationDocument,
    "\n  mutation DashRevert($input: RevertActionInput!) {\n    revertAction(input: $input) {\n      __typename\n      ... on ActionResult {\n        ...ActionOutcome\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": types.DashRevertDocument,
    "\n  mutation DashChat($input: ChatInput!) {\n    chat(input: $input) {\n      __typename\n      ... on ChatSuccess {\n        conversationId\n        reply\n        requiresConfirmation\n        confirmationToken\n        intent {\n          name\n          confidence\n        }\n        plan {\n          action\n          parameters\n          preview\n          target {\n            id\n            kind\n            namespace\n            name\n          }\n        }\n        generatedCode {\n          language\n          filename\n          content\n        }\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": types.DashChatDocument,
    "\n  fragment ChatStepFields on ChatStepOutcome {\n    __typename\n    index\n    action\n    status\n    target {\n      kind\n      namespace\n      name\n    }\n    ... on ChatStepFailed {\n      code\n      message\n    }\n  }\n": types.ChatStepFieldsFragmentDoc,
    "\n  mutation DashConfirmChatPlan($input: ConfirmChatPlanInput!) {\n    confirmChatPlan(input: $input) {\n      __typename\n      ... on ConfirmChatPlanSuccess {\n        reply\n        steps {\n          ...ChatStepFields\n        }\n        auditEvents {\n          ...AuditRowFields\n        }\n      }\n      ... on ChatPlanIncompleteError {\n        reply\n        steps {\n          ...ChatStepFields\n        }\n        auditEvents {\n          ...AuditRowFields\n        }\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": types.DashConfirmChatPlanDocument,
    "\n  fragment ResourceRowFields on Resource {\n    id\n    provider\n    kind\n    cluster\n    namespace\n    name\n    state\n    cpuUsage\n    memoryUsage\n    createdAt\n  }\n": types.ResourceRowFieldsFragmentDoc,
    "\n  fragment AuditRowFields on AuditEvent {\n    id\n    timestamp\n    actor\n    actorName\n    actorRole\n    source\n    action\n    verb\n    status\n    dryRun\n    parameters\n    before\n    after\n    withheld\n    durationMs\n    error {\n      code\n      message\n    }\n    target {\n      id\n      kind\n      namespace\n      name\n    }\n  }\n": types.AuditRowFieldsFragmentDoc,
    "\n  fragment RecommendationRowFields on Recommendation {\n    id\n    type\n    status\n    statusReason\n    title\n    summary\n    targetId\n    targetName\n    source\n    sourceName\n    customType\n    risk\n    confidence\n    estimatedMonthlySavings\n    current\n    recommended\n    evidence\n    action\n    createdAt\n    appliedAuditEvent {\n      id\n    }\n  }\n": types.RecommendationRowFieldsFragmentDoc,
    "\n  query DashViewer {\n    viewer {\n      name\n      displayName\n      role\n    }\n  }\n": types.DashViewerDocument,
    "\n  fragment OverviewFields on Overview {\n    generatedAt\n    status {\n      name\n      state\n      message\n    }\n    resources {\n      total\n      byKind {\n        key\n        count\n      }\n      byState {\n        key\n        count\n      }\n      byProvider {\n        key\n        count\n      }\n    }\n    metrics {\n      collectedAt\n      clusters {\n        cluster\n        cpuUsage\n        cpuRequest\n        cpuCapacity\n        memoryUsage\n        memoryRequest\n        memoryCapacity\n      }\n    }\n    recommendations {\n      count\n      totalMonthlySavings\n      top {\n        id\n        title\n        targetName\n        estimatedMonthlySavings\n      }\n    }\n    recentActions {\n      ...AuditRowFields\n    }\n  }\n": types.OverviewFieldsFragmentDoc,
    "\n  query DashOverview {\n    overview {\n      ...OverviewFields\n    }\n  }\n": types.DashOverviewDocument,
    "\n  subscription DashOverviewLive {\n    overview {\n      ...OverviewFields\n    }\n  }\n": types.DashOverviewLiveDocument,
    "\n  query DashResources($filter: ResourceFilter, $first: Int, $after: String) {\n    resources(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      failures {\n        provider\n        cluster\n        message\n      }\n      edges {\n        node {\n          ...ResourceRowFields\n        }\n      }\n    }\n  }\n": types.DashResourcesDocument,
    "\n  subscription DashResourceEvents($filter: ResourceFilter, $after: String) {\n    resourceEvents(filter: $filter, after: $after) {\n      cursor\n      gap {\n        skipped\n      }\n      type\n      timestamp\n      resource {\n        ...ResourceRowFields\n      }\n    }\n  }\n": types.DashResourceEventsDocument,
    "\n  query DashResource($id: ID!) {\n    node(id: $id) {\n      ... on Resource {\n        ...ResourceRowFields\n        actions\n        permissions {\n          verb\n          allowed\n          reason\n        }\n        labels {\n          key\n          value\n        }\n        usage {\n          cpuRequest\n          cpuLimit\n          cpuCapacity\n          memoryRequest\n          memoryLimit\n          memoryCapacity\n        }\n        recommendations(first: 20) {\n          edges {\n            node {\n              ...RecommendationRowFields\n            }\n          }\n        }\n        auditLog(first: 20) {\n          edges {\n            node {\n              ...AuditRowFields\n            }\n          }\n        }\n      }\n      ... on Deployment {\n        desiredReplicas\n        readyReplicas\n      }\n      ... on StatefulSet {\n        desiredReplicas\n        readyReplicas\n      }\n      ... on ReplicaSet {\n        desiredReplicas\n        readyReplicas\n      }\n    }\n  }\n": types.DashResourceDocument,
    "\n  query DashMetricsHistory($targets: [ID!]!, $names: [MetricName!], $range: MetricRangeInput) {\n    metrics(targets: $targets, names: $names, range: $range) {\n      name\n      unit\n      points {\n        timestamp\n        value\n      }\n    }\n  }\n": types.DashMetricsHistoryDocument,
    "\n  subscription DashMetricSamples($targets: [ID!]!, $names: [MetricName!]) {\n    metrics(targets: $targets, names: $names) {\n      name\n      unit\n      timestamp\n      value\n    }\n  }\n": types.DashMetricSamplesDocument,
    "\n  query DashRecommendations($filter: RecommendationFilter, $first: Int, $after: String) {\n    recommendations(filter: $filter, first: $first, after: $after) {\n      totalCount\n      totalMonthlySavings\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...RecommendationRowFields\n        }\n      }\n    }\n  }\n": types.DashRecommendationsDocument,
    "\n  subscription DashRecommendationEvents($after: String) {\n    recommendationEvents(after: $after) {\n      cursor\n      gap {\n        skipped\n      }\n      type\n      timestamp\n      recommendation {\n        id\n        status\n      }\n    }\n  }\n": types.DashRecommendationEventsDocument,
    "\n  query DashAuditLog($filter: AuditLogFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AuditRowFields\n          hash\n          prevHash\n        }\n      }\n    }\n  }\n": types.DashAuditLogDocument,
    "\n  subscription DashAuditEvents($filter: AuditLogFilter, $after: String) {\n    auditEvents(filter: $filter, after: $after) {\n      cursor\n      gap {\n        skipped\n      }\n      ...AuditRowFields\n      hash\n      prevHash\n    }\n  }\n": types.DashAuditEventsDocument,
    "\n  query DashVerifyAudit {\n    verifyAuditLog {\n      valid\n      checkedEvents\n      checkedRecords\n      firstInvalidEventId\n      reason\n    }\n  }\n": types.DashVerifyAuditDocument,
    "\n  query Cost($window: String!, $aggregate: [String!]) {\n    costAllocation(window: $window, aggregate: $aggregate) {\n      __typename\n      ... on CostAllocation {\n        from\n        to\n        rows {\n          name\n          idle\n          unmounted\n          cpuCost\n          memoryCost\n          gpuCost\n          storageCost\n          instanceCost\n          totalCost\n          efficiency\n          unpricedReasons\n        }\n        total {\n          totalCost\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n    overview {\n      cost {\n        monthToDate\n        projectedMonth\n        idleMonthToDate\n        savingsAvailableMonthly\n      }\n    }\n  }\n": types.CostDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActionOutcome on ActionResult {\n    dryRun\n    auditEvent {\n      ...AuditRowFields\n    }\n  }\n"): typeof import('./graphql.ts').ActionOutcomeFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DashScale($input: ScaleResourceInput!) {\n    scaleResource(input: $input) {\n      __typename\n      ... on ActionResult {\n        ...ActionOutcome\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql.ts').DashScaleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DashStart($input: StartResourceInput!) {\n    startResource(input: $input) {\n      __typename\n      ... on ActionResult {\n        ...ActionOutcome\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql.ts').DashStartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DashStop($input: StopResourceInput!) {\n    stopResource(input: $input) {\n      __typename\n      ... on ActionResult {\n        ...ActionOutcome\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql.ts').DashStopDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DashRestart($input: RestartResourceInput!) {\n    restartResource(input: $input) {\n      __typename\n      ... on ActionResult {\n        ...ActionOutcome\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql.ts').DashRestartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DashApplyRecommendation($input: ApplyRecommendationInput!) {\n    applyRecommendation(input: $input) {\n      __typename\n      ... on ActionResult {\n        ...ActionOutcome\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql.ts').DashApplyRecommendationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DashRejectRecommendation($input: RejectRecommendationInput!) {\n    rejectRecommendation(input: $input) {\n      __typename\n      ... on ActionResult {\n        ...ActionOutcome\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql.ts').DashRejectRecommendationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DashRevert($input: RevertActionInput!) {\n    revertAction(input: $input) {\n      __typename\n      ... on ActionResult {\n        ...ActionOutcome\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql.ts').DashRevertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DashChat($input: ChatInput!) {\n    chat(input: $input) {\n      __typename\n      ... on ChatSuccess {\n        conversationId\n        reply\n        requiresConfirmation\n        confirmationToken\n        intent {\n          name\n          confidence\n        }\n        plan {\n          action\n          parameters\n          preview\n          target {\n            id\n            kind\n            namespace\n            name\n          }\n        }\n        generatedCode {\n          language\n          filename\n          content\n        }\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql.ts').DashChatDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChatStepFields on ChatStepOutcome {\n    __typename\n    index\n    action\n    status\n    target {\n      kind\n      namespace\n      name\n    }\n    ... on ChatStepFailed {\n      code\n      message\n    }\n  }\n"): typeof import('./graphql.ts').ChatStepFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DashConfirmChatPlan($input: ConfirmChatPlanInput!) {\n    confirmChatPlan(input: $input) {\n      __typename\n      ... on ConfirmChatPlanSuccess {\n        reply\n        steps {\n          ...ChatStepFields\n        }\n        auditEvents {\n          ...AuditRowFields\n        }\n      }\n      ... on ChatPlanIncompleteError {\n        reply\n        steps {\n          ...ChatStepFields\n        }\n        auditEvents {\n          ...AuditRowFields\n        }\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql.ts').DashConfirmChatPlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ResourceRowFields on Resource {\n    id\n    provider\n    kind\n    cluster\n    namespace\n    name\n    state\n    cpuUsage\n    memoryUsage\n    createdAt\n  }\n"): typeof import('./graphql.ts').ResourceRowFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditRowFields on AuditEvent {\n    id\n    timestamp\n    actor\n    actorName\n    actorRole\n    source\n    action\n    verb\n    status\n    dryRun\n    parameters\n    before\n    after\n    withheld\n    durationMs\n    error {\n      code\n      message\n    }\n    target {\n      id\n      kind\n      namespace\n      name\n    }\n  }\n"): typeof import('./graphql.ts').AuditRowFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RecommendationRowFields on Recommendation {\n    id\n    type\n    status\n    statusReason\n    title\n    summary\n    targetId\n    targetName\n    source\n    sourceName\n    customType\n    risk\n    confidence\n    estimatedMonthlySavings\n    current\n    recommended\n    evidence\n    action\n    createdAt\n    appliedAuditEvent {\n      id\n    }\n  }\n"): typeof import('./graphql.ts').RecommendationRowFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashViewer {\n    viewer {\n      name\n      displayName\n      role\n    }\n  }\n"): typeof import('./graphql.ts').DashViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OverviewFields on Overview {\n    generatedAt\n    status {\n      name\n      state\n      message\n    }\n    resources {\n      total\n      byKind {\n        key\n        count\n      }\n      byState {\n        key\n        count\n      }\n      byProvider {\n        key\n        count\n      }\n    }\n    metrics {\n      collectedAt\n      clusters {\n        cluster\n        cpuUsage\n        cpuRequest\n        cpuCapacity\n        memoryUsage\n        memoryRequest\n        memoryCapacity\n      }\n    }\n    recommendations {\n      count\n      totalMonthlySavings\n      top {\n        id\n        title\n        targetName\n        estimatedMonthlySavings\n      }\n    }\n    recentActions {\n      ...AuditRowFields\n    }\n  }\n"): typeof import('./graphql.ts').OverviewFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashOverview {\n    overview {\n      ...OverviewFields\n    }\n  }\n"): typeof import('./graphql.ts').DashOverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DashOverviewLive {\n    overview {\n      ...OverviewFields\n    }\n  }\n"): typeof import('./graphql.ts').DashOverviewLiveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashResources($filter: ResourceFilter, $first: Int, $after: String) {\n    resources(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      failures {\n        provider\n        cluster\n        message\n      }\n      edges {\n        node {\n          ...ResourceRowFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').DashResourcesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DashResourceEvents($filter: ResourceFilter, $after: String) {\n    resourceEvents(filter: $filter, after: $after) {\n      cursor\n      gap {\n        skipped\n      }\n      type\n      timestamp\n      resource {\n        ...ResourceRowFields\n      }\n    }\n  }\n"): typeof import('./graphql.ts').DashResourceEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashResource($id: ID!) {\n    node(id: $id) {\n      ... on Resource {\n        ...ResourceRowFields\n        actions\n        permissions {\n          verb\n          allowed\n          reason\n        }\n        labels {\n          key\n          value\n        }\n        usage {\n          cpuRequest\n          cpuLimit\n          cpuCapacity\n          memoryRequest\n          memoryLimit\n          memoryCapacity\n        }\n        recommendations(first: 20) {\n          edges {\n            node {\n              ...RecommendationRowFields\n            }\n          }\n        }\n        auditLog(first: 20) {\n          edges {\n            node {\n              ...AuditRowFields\n            }\n          }\n        }\n      }\n      ... on Deployment {\n        desiredReplicas\n        readyReplicas\n      }\n      ... on StatefulSet {\n        desiredReplicas\n        readyReplicas\n      }\n      ... on ReplicaSet {\n        desiredReplicas\n        readyReplicas\n      }\n    }\n  }\n"): typeof import('./graphql.ts').DashResourceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashMetricsHistory($targets: [ID!]!, $names: [MetricName!], $range: MetricRangeInput) {\n    metrics(targets: $targets, names: $names, range: $range) {\n      name\n      unit\n      points {\n        timestamp\n        value\n      }\n    }\n  }\n"): typeof import('./graphql.ts').DashMetricsHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DashMetricSamples($targets: [ID!]!, $names: [MetricName!]) {\n    metrics(targets: $targets, names: $names) {\n      name\n      unit\n      timestamp\n      value\n    }\n  }\n"): typeof import('./graphql.ts').DashMetricSamplesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashRecommendations($filter: RecommendationFilter, $first: Int, $after: String) {\n    recommendations(filter: $filter, first: $first, after: $after) {\n      totalCount\n      totalMonthlySavings\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...RecommendationRowFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').DashRecommendationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DashRecommendationEvents($after: String) {\n    recommendationEvents(after: $after) {\n      cursor\n      gap {\n        skipped\n      }\n      type\n      timestamp\n      recommendation {\n        id\n        status\n      }\n    }\n  }\n"): typeof import('./graphql.ts').DashRecommendationEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashAuditLog($filter: AuditLogFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AuditRowFields\n          hash\n          prevHash\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').DashAuditLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DashAuditEvents($filter: AuditLogFilter, $after: String) {\n    auditEvents(filter: $filter, after: $after) {\n      cursor\n      gap {\n        skipped\n      }\n      ...AuditRowFields\n      hash\n      prevHash\n    }\n  }\n"): typeof import('./graphql.ts').DashAuditEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashVerifyAudit {\n    verifyAuditLog {\n      valid\n      checkedEvents\n      checkedRecords\n      firstInvalidEventId\n      reason\n    }\n  }\n"): typeof import('./graphql.ts').DashVerifyAuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Cost($window: String!, $aggregate: [String!]) {\n    costAllocation(window: $window, aggregate: $aggregate) {\n      __typename\n      ... on CostAllocation {\n        from\n        to\n        rows {\n          name\n          idle\n          unmounted\n          cpuCost\n          memoryCost\n          gpuCost\n          storageCost\n          instanceCost\n          totalCost\n          efficiency\n          unpricedReasons\n        }\n        total {\n          totalCost\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n    overview {\n      cost {\n        monthToDate\n        projectedMonth\n        idleMonthToDate\n        savingsAvailableMonthly\n      }\n    }\n  }\n"): typeof import('./graphql.ts').CostDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
