import {
  ActivatedJob,
  CreateProcessInstanceResult,
  DeploymentResult,
  ElementInstanceResult,
  IncidentResult,
  JobSearchResult,
  MessageCorrelationResult,
  MessagePublicationResult,
  ProcessDefinitionResult,
  ProcessInstanceResult,
  SearchQueryPageResponse,
  SignalBroadcastResult,
  UserTaskResult,
  VariableSearchResult,
} from '@baton/api';
import { sdlOfContractType } from './sdl-from-contract.js';

/** The largest page a GraphQL search returns; a larger `page.limit` is refused by the cost limit's check. */
export const maxPageSize = 100;

/** Object types whose fields are the contract's, by GraphQL name. */
const contractTypes: readonly (readonly [string, unknown])[] = [
  ['ProcessDefinition', ProcessDefinitionResult],
  ['ProcessInstance', ProcessInstanceResult],
  ['ElementInstance', ElementInstanceResult],
  ['Variable', VariableSearchResult],
  ['Incident', IncidentResult],
  ['UserTask', UserTaskResult],
  ['Job', JobSearchResult],
  ['ActivatedJob', ActivatedJob],
  ['Deployment', DeploymentResult],
  ['CreatedProcessInstance', CreateProcessInstanceResult],
  ['MessagePublication', MessagePublicationResult],
  ['MessageCorrelation', MessageCorrelationResult],
  ['SignalBroadcast', SignalBroadcastResult],
  ['PageInfo', SearchQueryPageResponse],
];

/** The searchable types: each has a `<Type>Page` and a query field with REST's filter, sort and page. */
const pagedTypes = ['ProcessDefinition', 'ProcessInstance', 'ElementInstance', 'Variable', 'Incident', 'UserTask', 'Job'] as const;

const pageTypes = pagedTypes.map((type) => `type ${type}Page {\n  items: [${type}!]!\n  page: PageInfo!\n}`).join('\n\n');

/** `filter`, `sort` and `page` of a search, passed to REST as its body (REST validates them). */
const searchArgs = '(filter: JSON, sort: [SortInput!], page: PageInput)';

const shared = `
"""Any JSON value: variables, filters (REST's filter object of the same search), form schemas, history events."""
scalar JSON

enum SortOrder {
  ASC
  DESC
}

input SortInput {
  field: String!
  order: SortOrder
}

"""Offset (\`from\`) or cursor (\`after\` / \`before\`) paging, as REST's; \`limit\` at most ${maxPageSize}."""
input PageInput {
  from: Int
  limit: Int
  after: String
  before: String
}

"""At least one: the job's new retries, and/or its activation now ends \`timeout\` ms from now."""
input JobChangesetInput {
  retries: Int
  timeout: Float
}

input UserTaskChangesetInput {
  dueDate: String
  followUpDate: String
  candidateUsers: [String!]
  candidateGroups: [String!]
  priority: Int
}

type Peer {
  nodeId: String!
  url: String
  version: String
  capabilities: [String!]!
  lastSeen: String
  expires: String
}

"""This node, its capabilities and its live peers (REST's GET /v2/topology)."""
type Topology {
  nodeId: String!
  version: String!
  clusterSize: Int!
  capabilities: [String!]!
  peers: [Peer!]!
  """Camunda 8.8's brokers list and the open jobs no live node can run, as REST gives them."""
  brokers: JSON
  unservedJobs: JSON
}

extend type ProcessDefinition {
  """The BPMN XML as deployed."""
  xml: String!
  """The start form (form-js schema) or null when the process has none."""
  form: JSON
}

extend type ProcessInstance {
  """The instance's open user tasks the caller may see (batched across a page of instances)."""
  userTasks: [UserTask!]!
  """The instance's open incidents (batched across a page of instances)."""
  incidents: [Incident!]!
  elementInstances${searchArgs}: ElementInstancePage!
  variables${searchArgs}: VariablePage!
  """The recorded events, in order."""
  history: [JSON!]!
  processDefinition: ProcessDefinition!
}

extend type Incident {
  """null (with an error) when the caller may not read instances."""
  processInstance: ProcessInstance
}

extend type UserTask {
  """The task's form (form-js schema and the variables to fill it with), or null when it has none."""
  form: JSON
  """null (with an error) when the caller may not read instances (a user may read their tasks only)."""
  processInstance: ProcessInstance
}

type Query {
  processDefinitions${searchArgs}: ProcessDefinitionPage!
  processDefinition(key: ID!): ProcessDefinition!
  processInstances${searchArgs}: ProcessInstancePage!
  processInstance(key: ID!): ProcessInstance!
  elementInstances${searchArgs}: ElementInstancePage!
  variables${searchArgs}: VariablePage!
  incidents${searchArgs}: IncidentPage!
  """The task list: open tasks the caller may see."""
  userTasks${searchArgs}: UserTaskPage!
  userTask(key: ID!): UserTask!
  jobs${searchArgs}: JobPage!
  topology: Topology!
}

type Mutation {
  """Deploys one BPMN document."""
  deploy(xml: String!, name: String): Deployment!
  """Starts an instance of the latest (or the given) version of a process, or of a definition by key."""
  createProcessInstance(processDefinitionId: String, processDefinitionKey: ID, version: Int, variables: JSON): CreatedProcessInstance!
  cancelProcessInstance(key: ID!): Boolean!
  publishMessage(name: String!, correlationKey: String, timeToLive: Float, messageId: String, variables: JSON): MessagePublication!
  correlateMessage(name: String!, correlationKey: String, variables: JSON): MessageCorrelation!
  broadcastSignal(signalName: String!, variables: JSON): SignalBroadcast!
  """Claims (assignee = yourself) or assigns a task."""
  assignUserTask(key: ID!, assignee: String!, allowOverride: Boolean): Boolean!
  unassignUserTask(key: ID!): Boolean!
  """Completes a task; the variables are checked against its form as REST checks them."""
  completeUserTask(key: ID!, variables: JSON): Boolean!
  """Answers at once (possibly no jobs): GraphQL does not long-poll."""
  activateJobs(type: String!, worker: String, timeout: Float!, maxJobsToActivate: Int!, fetchVariable: [String!]): [ActivatedJob!]!
  completeJob(key: ID!, variables: JSON): Boolean!
  failJob(key: ID!, retries: Int!, errorMessage: String, retryBackOff: Float, variables: JSON): Boolean!
  """Throws a BPMN error from the job's element, caught by the model's error events."""
  throwJobError(key: ID!, errorCode: String!, errorMessage: String, variables: JSON): Boolean!
  updateJob(key: ID!, changeset: JobChangesetInput!): Boolean!
  """Changes a task's dates, candidates or priority; null clears a field."""
  updateUserTask(key: ID!, changeset: UserTaskChangesetInput!): Boolean!
  resolveIncident(key: ID!): Boolean!
}

"""What changed; each event is re-read with the subscriber's credentials, so only what they may read arrives."""
type Subscription {
  """The instance's state each time it changes (one event at once, then one per change)."""
  processInstance(key: ID!): ProcessInstance!
  """The caller's task list each time it changes: tasks appearing, assigned, completed."""
  userTasks(filter: JSON): [UserTask!]!
  """The open incidents the caller may read, each time they change."""
  incidents(filter: JSON): [Incident!]!
}
`;

/** The SDL of Baton's GraphQL API. */
export const typeDefs = [...contractTypes.map(([name, schema]) => sdlOfContractType(name, schema)), pageTypes, shared].join('\n\n');
