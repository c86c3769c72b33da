package gov.suggestions.reporting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One unit's case as the reports see it, assembled from case.* events. */
@Entity
@Table(name = "report_case")
public class ReportCase {

    @Id
    public UUID id;

    @Column(name = "suggestion_id", nullable = false)
    public UUID suggestionId;

    @Column(name = "congress_body", nullable = false)
    public String congressBody;

    @Column(nullable = false)
    public String number;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Column(name = "unit_name")
    public String unitName;

    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public String state;

    public String title;

    @Column(name = "assigned_on")
    public LocalDate assignedOn;

    @Column(name = "reply_due")
    public LocalDate replyDue;

    @Column(name = "joint_opinion_due")
    public LocalDate jointOpinionDue;

    @Column(name = "undertaking_department")
    public String undertakingDepartment;

    /** A unit leader was named lead handler (局领导牵头办理). */
    @Column(name = "leader_led", nullable = false)
    public boolean leaderLed;

    /** The first reply: on-time figures count the first answer, not a re-handled one. */
    @Column(name = "replied_on")
    public LocalDate repliedOn;

    @Column(name = "replied_at")
    public Instant repliedAt;

    @Column(name = "reply_on_time")
    public Boolean replyOnTime;

    /** The latest reply's category and the latest evaluation. */
    @Column(name = "result_category")
    public String resultCategory;

    @Column(name = "evaluation_result")
    public String evaluationResult;

    @Column(name = "opinion_sent_on")
    public LocalDate opinionSentOn;

    @Column(name = "opinion_on_time")
    public Boolean opinionOnTime;

    @Column(name = "first_communication_at")
    public Instant firstCommunicationAt;

    @Column(name = "first_face_to_face_at")
    public Instant firstFaceToFaceAt;

    @Column(name = "phone_count", nullable = false)
    public int phoneCount;

    @Column(name = "meeting_count", nullable = false)
    public int meetingCount;

    @Column(name = "on_site_count", nullable = false)
    public int onSiteCount;

    @Column(name = "symposium_count", nullable = false)
    public int symposiumCount;

    @Column(name = "visit_count", nullable = false)
    public int visitCount;

    @Column(name = "draft_consultation_count", nullable = false)
    public int draftConsultationCount;

    @Column(name = "returned_drafts", nullable = false)
    public int returnedDrafts;

    @Column(nullable = false)
    public boolean rehandled;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
