package gov.suggestions.reporting.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import gov.suggestions.reporting.domain.ReportNotice;
import gov.suggestions.reporting.event.NotificationEventV1;
import gov.suggestions.reporting.repository.InboxEventRepository;
import gov.suggestions.reporting.repository.ReportNoticeRepository;

/** Applies notification events to the notice counts of their case or suggestion, once each (inbox). */
@ApplicationScoped
public class NoticeProjection {

    /** The notice that carries the reply letter and the evaluation request to the deputy. */
    static final String REPLY = "case.replied.v1";

    private final InboxEventRepository inbox;
    private final ReportNoticeRepository notices;

    public NoticeProjection(InboxEventRepository inbox, ReportNoticeRepository notices) {
        this.inbox = inbox;
        this.notices = notices;
    }

    @Transactional
    public void notice(String source, String eventId, String type, NotificationEventV1 event) {
        if (!inbox.recordFirstDelivery(source, eventId, type)) {
            return;
        }
        ReportNotice row = notices.findById(event.subjectId());
        boolean fresh = row == null;
        if (fresh) {
            row = new ReportNotice();
            row.subjectId = event.subjectId();
        }
        row.suggestionId = event.suggestionId();
        row.caseId = event.caseId();
        if (event.congressBody() != null) {
            row.congressBody = event.congressBody();
        }
        boolean replyToDeputy = REPLY.equals(event.sourceEventType()) && "DEPUTY".equals(event.recipientKind());
        if (NotificationEventV1.SENT.equals(type)) {
            row.sentCount++;
            Instant at = event.sentAt();
            if (replyToDeputy && at != null && (row.deputyReplyNotifiedAt == null || at.isBefore(row.deputyReplyNotifiedAt))) {
                row.deputyReplyNotifiedAt = at;
            }
        } else {
            row.failedCount++;
            if (replyToDeputy) {
                row.deputyReplyFailedCount++;
            }
            if (event.failedAt() != null && (row.lastFailedAt == null || event.failedAt().isAfter(row.lastFailedAt))) {
                row.lastFailedAt = event.failedAt();
            }
        }
        row.updatedAt = Instant.now();
        if (fresh) {
            notices.persist(row);
        }
    }
}
