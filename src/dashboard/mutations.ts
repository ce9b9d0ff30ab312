// Every GraphQL mutation the dashboard sends: the actions (each previewed as a dry run first)
// and the chat. Typed and listed in gql/persisted-documents.json like operations.ts's reads;
// AuditRowFields is defined there (fragments are found by name across the documents).
import { graphql } from './gql/gql.ts';

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
