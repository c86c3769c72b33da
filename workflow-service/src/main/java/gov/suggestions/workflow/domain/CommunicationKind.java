package gov.suggestions.workflow.domain;

/** How the unit met the deputy: 电话, 见面座谈, 实地调查, 座谈会, 来访, 答复前征求意见. */
public enum CommunicationKind {
    PHONE, MEETING, ON_SITE_INVESTIGATION, SYMPOSIUM, VISIT, DRAFT_CONSULTATION
}
