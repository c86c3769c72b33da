package gov.suggestions.reporting.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import gov.suggestions.reporting.domain.ReportCase;
import gov.suggestions.reporting.domain.ReportSuggestion;
import gov.suggestions.reporting.event.CaseEventV1;
import gov.suggestions.reporting.event.SuggestionEventV1;
import gov.suggestions.reporting.repository.InboxEventRepository;
import gov.suggestions.reporting.repository.ReportCaseRepository;
import gov.suggestions.reporting.repository.ReportSuggestionRepository;

/**
 * Applies events to the read model. Each event is recorded in the inbox in the same transaction as
 * its effect, so a redelivery changes nothing. Case and suggestion rows are created by whichever
 * event comes first: the two topics are not ordered with respect to each other.
 */
@ApplicationScoped
public class ReadModelProjection {

    /** Contact kinds where the unit met the deputy in person (面商). */
    static final Set<String> FACE_TO_FACE = Set.of("MEETING", "ON_SITE_INVESTIGATION", "SYMPOSIUM", "VISIT");

    private final InboxEventRepository inbox;
    private final ReportSuggestionRepository suggestions;
    private final ReportCaseRepository cases;
    private final SummaryProjection summary;

    public ReadModelProjection(InboxEventRepository inbox, ReportSuggestionRepository suggestions, ReportCaseRepository cases,
            SummaryProjection summary) {
        this.inbox = inbox;
        this.suggestions = suggestions;
        this.cases = cases;
        this.summary = summary;
    }

    @Transactional
    public void ignore(String source, String eventId, String type) {
        inbox.recordFirstDelivery(source, eventId, type);
    }

    @Transactional
    public void suggestion(String source, String eventId, String type, SuggestionEventV1 event) {
        if (!inbox.recordFirstDelivery(source, eventId, type)) {
            return;
        }
        ReportSuggestion row = suggestions.findById(event.suggestionId());
        boolean fresh = row == null;
        if (fresh) {
            row = new ReportSuggestion();
            row.id = event.suggestionId();
        }
        if (SuggestionEventV1.WITHDRAWN.equals(type)) {
            row.withdrawn = true;
        }
        row.congressBody = event.congressBody();
        row.number = event.number();
        row.kind = keep(row.kind, event.kind());
        row.title = keep(row.title, event.title());
        row.term = event.term() != null ? event.term() : row.term;
        row.session = event.session() != null ? event.session() : row.session;
        row.year = event.year() != null ? event.year() : row.year;
        row.supervisionLevel = keep(row.supervisionLevel, event.supervisionLevel());
        row.priority = keep(row.priority, event.priority());
        if (event.topics() != null) {
            row.topics = String.join("、", event.topics());
        }
        if (event.leadDeputy() != null) {
            row.leadDeputyId = keep(row.leadDeputyId, event.leadDeputy().id());
            row.leadDeputyName = keep(row.leadDeputyName, event.leadDeputy().name());
        }
        if (event.assignedOn() != null) {
            row.assignedOn = event.assignedOn();
        }
        row.updatedAt = Instant.now();
        if (fresh) {
            suggestions.persist(row);
        }
    }

    @Transactional
    public void caseEvent(String source, String eventId, String type, CaseEventV1 event) {
        if (!inbox.recordFirstDelivery(source, eventId, type)) {
            return;
        }
        ReportCase row = cases.findById(event.caseId());
        boolean fresh = row == null;
        if (fresh) {
            row = new ReportCase();
            row.id = event.caseId();
        }
        row.suggestionId = event.suggestionId();
        row.congressBody = event.congressBody();
        row.number = event.number();
        row.unitCode = event.unitCode();
        row.role = event.role();
        row.state = event.state();
        row.updatedAt = Instant.now();
        if (fresh) {
            cases.persist(row);
        }
        switch (type) {
            case "case.opened.v1" -> {
                row.title = keep(row.title, event.title());
                row.unitName = keep(row.unitName, event.unitName());
                row.assignedOn = event.assignedOn();
                setDue(row, event.dueOn());
            }
            case "case.distributed.v1" -> {
                row.leaderLed = event.leadHandler() != null && !event.leadHandler().isBlank();
                row.undertakingDepartment = event.undertakingDepartment();
            }
            case "case.communication-recorded.v1" -> {
                communication(row, event);
                summary.communication(eventId, event);
            }
            case "case.review-decided.v1" -> {
                if ("RETURN".equals(event.decision())) {
                    row.returnedDrafts++;
                }
            }
            case "case.replied.v1" -> {
                if (row.repliedOn == null) {
                    row.repliedOn = event.issuedOn() != null ? event.issuedOn() : LocalDate.ofInstant(event.occurredAt(), Clocks.ZONE);
                    row.repliedAt = event.occurredAt();
                    row.replyOnTime = event.onTime();
                }
                row.resultCategory = keep(row.resultCategory, event.category());
                summary.replied(event);
            }
            case "case.opinion-sent.v1" -> {
                row.opinionSentOn = event.sentOn();
                row.opinionOnTime = event.onTime();
            }
            case "case.evaluated.v1" -> row.evaluationResult = keep(row.evaluationResult, event.result());
            case "case.rehandling-started.v1" -> {
                row.rehandled = true;
                if (event.dueOn() != null) {
                    row.replyDue = event.dueOn();
                }
            }
            case "case.deadline-extended.v1" -> setDue(row, event.dueOn()); // the congress office approved an extension
            case "case.deadline-approaching.v1", "case.overdue.v1" -> {
                // the supervision job names the deadline in force (an approved extension moves it)
                if ("JOINT_OPINION".equals(event.deadline()) && event.dueOn() != null) {
                    row.jointOpinionDue = event.dueOn();
                } else if (event.deadline() != null && event.dueOn() != null) {
                    row.replyDue = event.dueOn();
                }
            }
            default -> {
                // the common fields (state) are all these events change
            }
        }
    }

    private static void setDue(ReportCase row, LocalDate dueOn) {
        if ("JOINT".equals(row.role)) {
            row.jointOpinionDue = dueOn;
        } else {
            row.replyDue = dueOn;
        }
    }

    private static void communication(ReportCase row, CaseEventV1 event) {
        Instant at = event.communicatedAt() != null ? event.communicatedAt() : event.occurredAt();
        String kind = event.kind() == null ? "" : event.kind();
        switch (kind) {
            case "PHONE" -> row.phoneCount++;
            case "MEETING" -> row.meetingCount++;
            case "ON_SITE_INVESTIGATION" -> row.onSiteCount++;
            case "SYMPOSIUM" -> row.symposiumCount++;
            case "VISIT" -> row.visitCount++;
            case "DRAFT_CONSULTATION" -> row.draftConsultationCount++;
            default -> {
                // an unknown kind still counts as a communication
            }
        }
        if (at != null && (row.firstCommunicationAt == null || at.isBefore(row.firstCommunicationAt))) {
            row.firstCommunicationAt = at;
        }
        if (FACE_TO_FACE.contains(kind) && at != null && (row.firstFaceToFaceAt == null || at.isBefore(row.firstFaceToFaceAt))) {
            row.firstFaceToFaceAt = at;
        }
    }

    private static String keep(String current, String incoming) {
        return incoming != null && !incoming.isBlank() ? incoming : current;
    }
}
