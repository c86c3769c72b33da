package gov.suggestions.reporting.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import gov.suggestions.reporting.domain.AnnualSummaryDraft;
import gov.suggestions.reporting.domain.AnnualSummaryPublication;
import gov.suggestions.reporting.domain.SummarySnapshot;
import gov.suggestions.reporting.domain.Text;
import gov.suggestions.reporting.repository.AnnualSummaryDraftRepository;
import gov.suggestions.reporting.repository.AnnualSummaryPublicationRepository;
import gov.suggestions.reporting.service.AnnualSummaryService.Header;
import gov.suggestions.reporting.service.AnnualSummaryService.Part;
import gov.suggestions.reporting.service.AnnualSummaryService.Section;
import gov.suggestions.reporting.service.AnnualSummaryService.Summary;

/**
 * Publication of the annual summary (办理结果公开). The unit's own office publishes: the summary is rendered as it is now
 * (figures, narratives, the draft's disclosure header) and frozen as a snapshot — its structure and its HTML page — that
 * the public reads without a token until the office publishes again (a new version) or withdraws it. Nothing is public
 * but a snapshot that is not withdrawn; later edits of the draft change nothing public until the next publication.
 */
@ApplicationScoped
public class PublicationService {

    /** A public summary: its row (header, version, dates) and its snapshot. */
    public record Published(AnnualSummaryPublication publication, SummarySnapshot snapshot) {
    }

    private final AnnualSummaryPublicationRepository publications;
    private final AnnualSummaryDraftRepository drafts;
    private final AnnualSummaryService summaries;
    private final Clock clock;

    public PublicationService(AnnualSummaryPublicationRepository publications, AnnualSummaryDraftRepository drafts,
            AnnualSummaryService summaries, Clock clock) {
        this.publications = publications;
        this.drafts = drafts;
        this.summaries = summaries;
        this.clock = clock;
    }

    /**
     * Publishes the unit's summary for the year as it renders now, replacing an earlier snapshot (the version moves on).
     * Only the unit's own office (another unit's: 404; a token without the unit claim: 403); it needs the office's draft,
     * which holds the disclosure header (409 without one), and handling to summarise (409 without any).
     */
    @Transactional
    public Published publish(Caller caller, String unitCode, int year) {
        SummaryDraftService.ownUnit(caller, unitCode);
        drafts.lockFor(unitCode, year); // one publication or draft edit at a time: the snapshot is of one version of the draft
        AnnualSummaryDraft draft = drafts.findFor(unitCode, year).orElseThrow(() -> new ConflictException("no-draft",
                Text.of("公开前须先建立该年度的总结草稿(索引号、发布机构等公开属性)", "Create the year's summary draft (the disclosure header with its index number) before publishing")));
        Summary rendered;
        try {
            rendered = summaries.summary(caller, unitCode, year, true);
        } catch (NotFoundException e) {
            throw new ConflictException("nothing-to-publish", Text.of("该单位该年度没有可总结的办理记录", "No handling of this unit in that year to summarise"));
        }
        LocalDate today = LocalDate.now(clock.withZone(Clocks.ZONE));
        Header h = rendered.header();
        LocalDate headerPublishedOn = h.publishedOn() != null ? h.publishedOn() : today;
        Header header = new Header(h.indexNumber(), h.classification(), h.publisher(), h.writtenOn(), h.name(), h.documentNumber(),
                headerPublishedOn, h.subjectWords());
        Summary frozen = new Summary(rendered.title(), header, rendered.addressee(), rendered.opening(), rendered.sections(), rendered.closing(),
                rendered.signature(), rendered.date());
        SummarySnapshot snapshot = snapshot(frozen);
        String html = SummaryRenderer.html(frozen);
        if (html.length() > Limits.PUBLISHED_HTML) {
            throw tooLarge();
        }
        AnnualSummaryPublication row = publications.findFor(unitCode, year).orElse(null);
        boolean fresh = row == null;
        if (fresh) {
            row = new AnnualSummaryPublication();
            row.id = UUID.randomUUID();
            row.unitCode = unitCode;
            row.year = year;
        }
        row.draftId = draft.id;
        row.version = fresh ? 1 : row.version + 1;
        row.publishedOn = today;
        row.indexNumber = header.indexNumber();
        row.classification = header.classification();
        row.publisher = header.publisher();
        row.writtenOn = header.writtenOn();
        row.name = header.name();
        row.documentNumber = header.documentNumber();
        row.headerPublishedOn = header.publishedOn();
        row.subjectWords = header.subjectWords();
        row.document = snapshot;
        row.html = html;
        row.publishedBy = SummaryDraftService.who(caller);
        row.publishedAt = clock.instant();
        row.withdrawnAt = null;
        row.withdrawnBy = null;
        row.withdrawalReason = null;
        if (fresh) {
            publications.persist(row);
        }
        publications.flush();
        return new Published(row, snapshot);
    }

    /** Takes the published summary off the public pages, with the office's reason; 409 when nothing is published. */
    @Transactional
    public AnnualSummaryPublication withdraw(Caller caller, String unitCode, int year, String reason) {
        SummaryDraftService.ownUnit(caller, unitCode);
        drafts.lockFor(unitCode, year);
        AnnualSummaryPublication row = publications.findPublic(unitCode, year).orElseThrow(() -> new ConflictException("not-published",
                Text.of("该单位该年度的总结没有处于公开状态,无需撤回", "The unit's summary for that year is not published: there is nothing to withdraw")));
        Instant now = clock.instant();
        row.withdrawnAt = now;
        row.withdrawnBy = SummaryDraftService.who(caller);
        row.withdrawalReason = reason.strip();
        publications.flush();
        return row;
    }

    /** The public summary of the unit for the year; never published and withdrawn both answer 404, as an unknown unit does. */
    @Transactional
    public Published published(String unitCode, int year) {
        AnnualSummaryPublication row = publications.findPublic(unitCode, year).orElseThrow(() -> new NotFoundException(
                Text.of("没有已公开的该单位该年度建议办理工作总结", "No published summary of this unit for that year")));
        return new Published(row, row.document);
    }

    /** A page of the public summaries, newest first, and their total. */
    @Transactional
    public Map.Entry<List<AnnualSummaryPublication>, Long> list(String unitCode, Integer year, int page, int size) {
        return publications.listPublic(unitCode, year, page, size);
    }

    /** The path the public reads a published summary at. */
    public static String link(String unitCode, int year) {
        return "/api/v1/public/annual-summaries/" + unitCode + "/" + year;
    }

    private static SummarySnapshot snapshot(Summary summary) {
        if (summary.sections().size() > Limits.PUBLISHED_SECTIONS) {
            throw tooLarge();
        }
        List<SummarySnapshot.Section> sections = new ArrayList<>();
        for (Section section : summary.sections()) {
            if (section.parts().size() > Limits.PUBLISHED_PARTS) {
                throw tooLarge();
            }
            List<SummarySnapshot.Part> parts = new ArrayList<>();
            for (Part part : section.parts()) {
                if (part.text() != null && part.text().length() > Limits.PUBLISHED_TEXT) {
                    throw tooLarge();
                }
                parts.add(new SummarySnapshot.Part(part.kind(), part.text()));
            }
            sections.add(new SummarySnapshot.Section(section.heading(), parts));
        }
        if (summary.opening().length() > Limits.PUBLISHED_TEXT) {
            throw tooLarge();
        }
        return new SummarySnapshot(summary.title(), summary.addressee(), summary.opening(), sections, summary.closing(), summary.signature(),
                summary.date());
    }

    private static TooLargeException tooLarge() {
        return new TooLargeException("too-large", Text.of("总结过大,不能公开", "The summary is too large to publish"),
                Text.of("总结超出公开版本的上限(每节至多 " + Limits.PUBLISHED_PARTS + " 段,每段至多 " + Limits.PUBLISHED_TEXT + " 字,页面至多 "
                        + Limits.PUBLISHED_HTML + " 字符)", "The summary exceeds what a published version may hold (at most " + Limits.PUBLISHED_PARTS
                                + " parts a section, " + Limits.PUBLISHED_TEXT + " characters a part, " + Limits.PUBLISHED_HTML + " characters of HTML)"));
    }
}
