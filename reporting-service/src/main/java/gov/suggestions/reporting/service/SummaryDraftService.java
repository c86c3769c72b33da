package gov.suggestions.reporting.service;

import gov.suggestions.reporting.domain.InvalidFieldException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import gov.suggestions.reporting.config.SummaryConfig;
import gov.suggestions.reporting.domain.AnnualSummaryDraft;
import gov.suggestions.reporting.domain.SummaryNarrative;
import gov.suggestions.reporting.domain.Text;
import gov.suggestions.reporting.repository.AnnualSummaryDraftRepository;
import gov.suggestions.reporting.repository.SummaryNarrativeRepository;
import gov.suggestions.reporting.service.AnnualSummaryService.Conversion;

/**
 * The unit office's draft of its annual summary: the disclosure header with its 索引号, and the
 * narrative sections, every edit kept as a revision. Only the unit's own office writes; the unit's
 * leaders, the congress office of a body the unit handled cases for, and supervisors read.
 */
@ApplicationScoped
public class SummaryDraftService {

    private final AnnualSummaryDraftRepository drafts;
    private final SummaryNarrativeRepository narratives;
    private final AnnualSummaryService summaries;
    private final StatisticsService statistics;
    private final SummaryConfig wording;
    private final Clock clock;

    public SummaryDraftService(AnnualSummaryDraftRepository drafts, SummaryNarrativeRepository narratives, AnnualSummaryService summaries,
            StatisticsService statistics, SummaryConfig wording, Clock clock) {
        this.drafts = drafts;
        this.narratives = narratives;
        this.summaries = summaries;
        this.statistics = statistics;
        this.wording = wording;
        this.clock = clock;
    }

    /** The header as the office sends it; absent optional fields take the seed's defaults. */
    public record HeaderData(String creditCode, String organisationName, String classification, String publisher, LocalDate writtenOn,
            String name, String documentNumber, LocalDate publishedOn, String subjectWords, String addressee) {
    }

    /** A narrative section: its text in force (null: the default applies) and who last edited it. */
    public record SectionState(String key, String text, int revision, String editedBy, Instant editedAt) {
    }

    public record DraftState(AnnualSummaryDraft draft, List<SectionState> sections, List<Conversion> conversions) {
    }

    @Transactional
    public DraftState get(Caller caller, String unitCode, int year) {
        AnnualSummaryDraft draft = readable(caller, unitCode, year);
        return state(caller, draft);
    }

    /** Creates the draft (allocating its 索引号) or, with If-Match, replaces its header. Returns whether it was created. */
    @Transactional
    public Map.Entry<Boolean, DraftState> put(Caller caller, String unitCode, int year, HeaderData data, Long expectedVersion) {
        ownUnit(caller, unitCode);
        if (!CreditCode.valid(data.creditCode())) {
            throw new InvalidFieldException("creditCode", Text.of("统一社会信用代码校验位不正确", "The unified social credit code's check character is wrong"));
        }
        drafts.lockFor(unitCode, year);
        AnnualSummaryDraft draft = drafts.findFor(unitCode, year).orElse(null);
        Instant now = clock.instant();
        checkDates(year, data, LocalDate.now(clock.withZone(Clocks.ZONE)));
        boolean created = draft == null;
        if (created) {
            draft = new AnnualSummaryDraft();
            draft.id = UUID.randomUUID();
            draft.unitCode = unitCode;
            draft.year = year;
            draft.createdBy = who(caller);
            draft.createdAt = now;
        } else if (expectedVersion == null) {
            throw new PreconditionFailedException(true, draft.version);
        } else {
            PreconditionFailedException.check(expectedVersion, draft.version);
        }
        if (created && expectedVersion != null) {
            // If-Match names a draft that is not there (RFC 9110: even "*" fails)
            throw new PreconditionFailedException(false, PreconditionFailedException.UNKNOWN);
        }
        if (created || !draft.creditCode.equals(data.creditCode())) {
            draft.creditCode = data.creditCode();
            draft.indexSequence = drafts.nextIndexSequence(data.creditCode(), year);
        }
        draft.organisationName = data.organisationName().strip();
        draft.classification = blankToNull(data.classification());
        draft.publisher = data.publisher() == null || data.publisher().isBlank() ? draft.organisationName : data.publisher().strip();
        draft.writtenOn = data.writtenOn() != null ? data.writtenOn() : LocalDate.now(clock.withZone(Clocks.ZONE));
        draft.name = data.name() == null || data.name().isBlank() ? defaultName(draft.organisationName, year) : data.name().strip();
        draft.documentNumber = blankToNull(data.documentNumber());
        draft.publishedOn = data.publishedOn();
        draft.subjectWords = blankToNull(data.subjectWords());
        draft.addressee = data.addressee() == null || data.addressee().isBlank() ? wording.addressee() : data.addressee().strip();
        draft.updatedBy = who(caller);
        draft.updatedAt = now;
        if (created) {
            drafts.persist(draft);
        }
        flush();
        return Map.entry(created, state(caller, draft));
    }

    /**
     * Dates that cannot be true are refused before anything changes (400 naming the field): a 成文日期 or 发布日期 after
     * today in China, a summary written before the year it sums up began, published before it was written.
     */
    static void checkDates(int year, HeaderData data, LocalDate today) {
        LocalDate writtenOn = data.writtenOn() != null ? data.writtenOn() : today;
        if (writtenOn.isAfter(today)) {
            throw new InvalidFieldException("writtenOn", Text.of("成文日期 " + writtenOn + " 晚于今天 " + today,
                    "writtenOn " + writtenOn + " is after today, " + today));
        }
        if (writtenOn.getYear() < year) {
            throw new InvalidFieldException("writtenOn", Text.of("成文日期 " + writtenOn + " 早于所总结的 " + year + " 年",
                    "writtenOn " + writtenOn + " is before the year " + year + " the summary sums up"));
        }
        LocalDate publishedOn = data.publishedOn();
        if (publishedOn != null && publishedOn.isAfter(today)) {
            throw new InvalidFieldException("publishedOn", Text.of("发布日期 " + publishedOn + " 晚于今天 " + today,
                    "publishedOn " + publishedOn + " is after today, " + today));
        }
        if (publishedOn != null && publishedOn.isBefore(writtenOn)) {
            throw new InvalidFieldException("publishedOn", Text.of("发布日期 " + publishedOn + " 早于成文日期 " + writtenOn,
                    "publishedOn " + publishedOn + " is before writtenOn " + writtenOn));
        }
    }

    /**
     * The version a change of the unit's draft starts from, refused (403, 404) as the change would be; {@code null} when
     * the unit has no draft that year and {@code mustExist} is false.
     */
    @Transactional
    public Long versionForChange(Caller caller, String unitCode, int year, boolean mustExist) {
        ownUnit(caller, unitCode);
        Long version = drafts.findFor(unitCode, year).map(d -> d.version).orElse(null);
        if (version == null && mustExist) {
            throw noDraft();
        }
        return version;
    }

    /** Replaces one narrative section's text, keeping the earlier revisions; a blank text brings back the default. */
    @Transactional
    public DraftState editSection(Caller caller, String unitCode, int year, String key, String text, long expectedVersion) {
        ownUnit(caller, unitCode);
        drafts.lockFor(unitCode, year); // one edit at a time per draft: the loser sees the new version and gets 412
        AnnualSummaryDraft draft = drafts.findFor(unitCode, year).orElseThrow(SummaryDraftService::noDraft);
        PreconditionFailedException.check(expectedVersion, draft.version);
        if (key.startsWith(SummarySections.CONVERSION_PREFIX)) {
            String number = key.substring(SummarySections.CONVERSION_PREFIX.length());
            boolean listed = summaries.conversions(ReportScope.of(caller, null, year, unitCode, null)).stream()
                    .anyMatch(c -> c.number().equals(number));
            if (!listed) {
                throw new InvalidFieldException("section", Text.of("该单位该年度没有已答复的第" + number + "号建议",
                        "The unit replied to no suggestion " + number + " in that year"));
            }
        }
        SummaryNarrative revision = new SummaryNarrative();
        revision.id = UUID.randomUUID();
        revision.draftId = draft.id;
        revision.sectionKey = key;
        revision.revision = narratives.lastRevision(draft.id, key) + 1;
        revision.text = text.strip();
        revision.editedBy = who(caller);
        revision.editedAt = clock.instant();
        narratives.persist(revision);
        draft.updatedBy = revision.editedBy;
        draft.updatedAt = revision.editedAt;
        flush();
        return state(caller, draft);
    }

    /** The revisions of a section, newest first: the newest {@value Limits#REVISIONS}. */
    @Transactional
    public List<SectionState> revisions(Caller caller, String unitCode, int year, String key) {
        AnnualSummaryDraft draft = readable(caller, unitCode, year);
        if (key.startsWith(SummarySections.CONVERSION_PREFIX) && !ownOrSupervisor(caller, unitCode)) {
            // a congress office reads the unit's writing about its own body's suggestions only (as the draft and the summary
            // show it), and not about a number several bodies share (it cannot be told whose suggestion the text is about)
            String number = key.substring(SummarySections.CONVERSION_PREFIX.length());
            boolean inScope = !summaries.sharedNumbers(unitCode, year).contains(number)
                    && summaries.conversions(ReportScope.of(caller, null, year, unitCode, null)).stream().anyMatch(c -> c.number().equals(number));
            if (!inScope) {
                throw new NotFoundException(Text.of("没有该节", "No such section"));
            }
        }
        return narratives.history(draft.id, key, Limits.REVISIONS).stream().map(SummaryDraftService::section).toList();
    }

    static String defaultName(String organisationName, int year) {
        // the seed names itself 市政务服务数据管理局 in its title, the city's name left out: 深圳市… → 市…
        return organisationName.replaceFirst("^[^市]{1,8}市(?=.)", "市") + "关于报送" + year + "年度人大代表建议办理工作总结的报告";
    }

    private DraftState state(Caller caller, AnnualSummaryDraft draft) {
        Map<String, SectionState> byKey = new HashMap<>();
        narratives.current(draft.id).forEach(n -> byKey.put(n.sectionKey, section(n)));
        List<SectionState> sections = new ArrayList<>();
        for (String key : SummarySections.FIXED) {
            sections.add(byKey.getOrDefault(key, new SectionState(key, null, 0, null, null)));
        }
        List<Conversion> conversions = summaries.conversions(ReportScope.of(caller, null, draft.year, draft.unitCode, null), Limits.CONVERSIONS);
        java.util.Set<String> hidden = ownOrSupervisor(caller, draft.unitCode) ? java.util.Set.of()
                : summaries.sharedNumbers(draft.unitCode, draft.year);
        for (Conversion c : conversions) {
            String key = SummarySections.CONVERSION_PREFIX + c.number();
            sections.add(hidden.contains(c.number()) ? new SectionState(key, null, 0, null, null)
                    : byKey.getOrDefault(key, new SectionState(key, null, 0, null, null)));
        }
        return new DraftState(draft, sections, conversions);
    }

    private static SectionState section(SummaryNarrative n) {
        return new SectionState(n.sectionKey, n.text.isEmpty() ? null : n.text, n.revision, n.editedBy, n.editedAt);
    }

    /** A unit reads its own drafts; a congress office those of units with cases of its body that year; supervisors all. */
    private AnnualSummaryDraft readable(Caller caller, String unitCode, int year) {
        if (!ownOrSupervisor(caller, unitCode)
                && !(caller.hasRole(Caller.CONGRESS_OFFICE) && statistics.totals(ReportScope.of(caller, null, year, unitCode, null)).cases() > 0)) {
            throw noDraft();
        }
        return drafts.findFor(unitCode, year).orElseThrow(SummaryDraftService::noDraft);
    }

    private static boolean ownOrSupervisor(Caller caller, String unitCode) {
        boolean own = unitCode.equals(caller.unit()) && (caller.hasRole(Caller.UNIT_OFFICE) || caller.hasRole(Caller.UNIT_LEADER));
        return own || caller.hasRole(Caller.GOV_SUPERVISOR);
    }

    /**
     * Only the unit's own office writes its draft: a unit office whose token names no unit is refused (403), another unit's
     * draft is not found (404), so existence does not leak. Other roles never get here (the resource admits unit offices only).
     */
    static void ownUnit(Caller caller, String unitCode) {
        if (!caller.hasRole(Caller.UNIT_OFFICE)) {
            throw noDraft();
        }
        if (caller.unit() == null) {
            throw new ScopeMissingException(Text.of("单位办公室令牌缺少 unit 声明,不能修改总结草稿",
                    "A unit office token without the unit claim cannot change a summary draft"));
        }
        if (!unitCode.equals(caller.unit())) {
            throw noDraft();
        }
    }

    private void flush() {
        try {
            drafts.flush();
        } catch (OptimisticLockException e) {
            throw new PreconditionFailedException(false, PreconditionFailedException.UNKNOWN);
        }
    }

    private static NotFoundException noDraft() {
        return new NotFoundException(Text.of("没有该单位该年度的总结草稿", "No summary draft of this unit for that year"));
    }

    static String who(Caller caller) {
        return Limits.cut(caller.subject() == null ? "unknown" : caller.subject(), Limits.PERSON);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
