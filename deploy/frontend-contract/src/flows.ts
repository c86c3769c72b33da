// One flow per service, as a front end would write it against the typed clients. It is compiled (tsc, no emit) by the
// test command after the types are generated again from the services' OpenAPI documents: a change to a document that
// a front end's code relies on (a path, a parameter, a field, a required property, an enum value) fails the build.
import createClient from "openapi-fetch";

import type { components as Suggestions, paths as SuggestionPaths } from "./generated/suggestion-service";
import type { components as Cases, paths as WorkflowPaths } from "./generated/workflow-service";
import type { paths as NotificationPaths } from "./generated/notification-service";
import type { paths as ReportingPaths } from "./generated/reporting-service";

/** Where each service answers and the caller's token (from the identity provider). */
export interface Connection {
  baseUrl: string;
  token: string;
}

function client<Paths extends {}>(connection: Connection) {
  return createClient<Paths>({ baseUrl: connection.baseUrl, headers: { Authorization: `Bearer ${connection.token}` } });
}

/** A failed call carries an RFC 9457 problem: the front end shows its title and the fields at fault. */
function problem(error: unknown): Error {
  return new Error(JSON.stringify(error));
}

/** suggestion-service: a congress office registers a suggestion and assigns it to a unit as the lead unit. */
export async function registerAndAssign(office: Connection, unitCode: string): Promise<Suggestions["schemas"]["Suggestion"]> {
  const suggestions = client<SuggestionPaths>(office);
  const registration: Suggestions["schemas"]["RegisterSuggestionRequest"] = {
    congressBody: "shenzhen-npc",
    number: "20260001",
    kind: "SUGGESTION",
    title: "关于推进政务数据共享的建议",
    body: "建议进一步打通部门间数据壁垒,推动政务数据按需共享。",
    leadDeputy: { id: "D-0117", name: "王某某", delegation: "福田代表团" },
    topics: ["政务数据共享"],
    term: 6,
    session: 8,
    year: 2026,
  };
  const registered = await suggestions.POST("/api/v1/suggestions", {
    params: { header: { "Idempotency-Key": crypto.randomUUID() } },
    body: registration,
  });
  if (registered.error || !registered.data) throw problem(registered.error);
  const id = registered.data.id;
  if (!id) throw new Error("a registered suggestion has an id");

  const assigned = await suggestions.POST("/api/v1/suggestions/{id}/assignment", {
    params: { path: { id }, header: { "If-Match": registered.response.headers.get("ETag") ?? `"${registered.data.version}"` } },
    body: { units: [{ unitCode, role: "LEAD" }] },
  });
  if (assigned.error || !assigned.data) throw problem(assigned.error);
  return assigned.data;
}

/** workflow-service: the unit's office finds the case, distributes it, and the handler records a communication. */
export async function distributeAndCommunicate(unitOffice: Connection, handler: Connection, suggestionId: string): Promise<Cases["schemas"]["Case"]> {
  const office = client<WorkflowPaths>(unitOffice);
  const found = await office.GET("/api/v1/cases", { params: { query: { suggestionId } } });
  if (found.error || !found.data) throw problem(found.error);
  const caseId = found.data.items?.[0]?.id;
  if (!caseId) throw new Error("no case yet");
  // the list gives summaries; the case itself carries the version that If-Match names
  const opened = await office.GET("/api/v1/cases/{id}", { params: { path: { id: caseId } } });
  if (opened.error || !opened.data) throw problem(opened.error);

  const distribution: Cases["schemas"]["Distribution"] = {
    leaderInCharge: "王副局长",
    leaderInChargeId: "leader-1",
    undertakingDepartment: "数据资源处",
    responsiblePerson: "李处长",
    internalDeadline: "2026-07-31",
  };
  const distributed = await office.POST("/api/v1/cases/{id}/distribution", {
    params: { path: { id: caseId }, header: { "If-Match": `"${opened.data.version}"` } },
    body: distribution,
  });
  if (distributed.error || !distributed.data) throw problem(distributed.error);

  const communication: Cases["schemas"]["CommunicationRecord"] = {
    kind: "PHONE",
    occurredAt: new Date().toISOString(),
    participants: [{ name: "王某某", title: "市人大代表" }, { name: "李处长", title: "数据资源处处长", leader: true }],
    summary: "电话沟通办理思路,代表同意。",
  };
  const communicated = await client<WorkflowPaths>(handler).POST("/api/v1/cases/{id}/communications", {
    params: { path: { id: caseId }, header: { "Idempotency-Key": crypto.randomUUID(), "If-Match": `"${distributed.data.version}"` } },
    body: communication,
  });
  if (communicated.error || !communicated.data) throw problem(communicated.error);
  return communicated.data;
}

/** notification-service: a unit's system subscribes to events by webhook; a deputy reads the inbox and marks a notice read. */
export async function subscribeAndReadInbox(office: Connection, deputy: Connection, url: string): Promise<number> {
  const subscribed = await client<NotificationPaths>(office).POST("/api/v1/webhook-subscriptions", {
    body: {
      name: "区政务服务平台",
      url,
      eventTypes: ["case.replied.v1", "case.overdue.v1"],
      secret: crypto.randomUUID(),
      enabled: true,
    },
  });
  if (subscribed.error || !subscribed.data) throw problem(subscribed.error);
  const eventTypes: string[] = subscribed.data.eventTypes ?? [];

  const notifications = client<NotificationPaths>(deputy);
  const inbox = await notifications.GET("/api/v1/inbox", { params: { query: { unread: true, page: 0, size: 20 } } });
  if (inbox.error || !inbox.data) throw problem(inbox.error);
  const first = inbox.data.items?.[0];
  if (first?.id) {
    const read = await notifications.POST("/api/v1/inbox/{id}/read", { params: { path: { id: first.id } } });
    if (read.error || !read.data?.readAt) throw problem(read.error);
  }
  return eventTypes.length + (inbox.data.total ?? 0);
}

/** reporting-service: a supervisor reads a year's statistics by unit and the ledger of the cases still overdue. */
export async function statisticsAndOverdueLedger(supervisor: Connection, year: number): Promise<[number, number]> {
  const reporting = client<ReportingPaths>(supervisor);
  const statistics = await reporting.GET("/api/v1/statistics", {
    params: { query: { congressBody: "shenzhen-npc", year, groupBy: "unit" } },
  });
  if (statistics.error || !statistics.data) throw problem(statistics.error);
  const ledger = await reporting.GET("/api/v1/ledger", {
    params: { query: { congressBody: "shenzhen-npc", year, overdueOnly: "true", page: 0, size: 50 } },
  });
  if (ledger.error || !ledger.data) throw problem(ledger.error);
  return [statistics.data.groups?.length ?? 0, ledger.data.total ?? 0];
}
