package gov.suggestions.workflow.service;

import gov.suggestions.workflow.domain.ConflictException;

import gov.suggestions.workflow.domain.Text;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import gov.suggestions.workflow.config.WorkflowConfig;
import gov.suggestions.workflow.domain.CaseHistoryEntry;
import gov.suggestions.workflow.domain.Disclosure;
import gov.suggestions.workflow.domain.HandlingCase;
import gov.suggestions.workflow.domain.ReceivedSuggestion;
import gov.suggestions.workflow.domain.ReplyLetter;
import gov.suggestions.workflow.domain.ReplyPublication;
import gov.suggestions.workflow.repository.HandlingCaseRepository;
import gov.suggestions.workflow.repository.ReceivedSuggestionRepository;
import gov.suggestions.workflow.repository.ReplyLetterRepository;
import gov.suggestions.workflow.repository.ReplyPublicationRepository;

/**
 * 办理结果公开: a reply letter issued with disclosure PUBLIC is published in the same transaction, with the disclosure
 * header government sites put above a document; anyone reads it until the unit office of the case's unit or the
 * congress office of its body withdraws it. Nothing else is reachable here: a letter ON_REQUEST or NOT_DISCLOSED, a
 * withdrawn one, an unknown id all answer the same 404.
 */
@ApplicationScoped
public class PublicReplies {

    /** The disclosure header (索引号, 分类, 发布机构, 成文日期, 名称, 文号, 发布日期, 主题词). */
    public record Header(String indexNumber, String category, String publisher, LocalDate writtenOn, String title, String documentNumber,
            LocalDate publishedOn, String keywords) {
    }

    /** A published reply: its header and the letter's text as issued, nothing else of the case. */
    public record Published(UUID id, long version, Header header, String content) {
    }

    private final ReplyPublicationRepository publications;
    private final ReplyLetterRepository letters;
    private final HandlingCaseRepository cases;
    private final ReceivedSuggestionRepository suggestions;
    private final CaseHistory history;
    private final WorkflowConfig config;
    private final Json json;
    private final Clock clock;

    public PublicReplies(ReplyPublicationRepository publications, ReplyLetterRepository letters, HandlingCaseRepository cases,
            ReceivedSuggestionRepository suggestions, CaseHistory history, WorkflowConfig config, Json json, Clock clock) {
        this.publications = publications;
        this.letters = letters;
        this.cases = cases;
        this.suggestions = suggestions;
        this.history = history;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** Publishes a letter just issued, when the unit marked it PUBLIC; in the issuing transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishIfPublic(HandlingCase c, ReplyLetter letter) {
        if (letter.disclosure != Disclosure.PUBLIC) {
            return;
        }
        int year = letter.issuedOn.getYear();
        String organisation = config.organisationCodeOf(c.unitCode);
        ReplyPublication p = new ReplyPublication();
        p.id = UUID.randomUUID();
        p.letterId = letter.id;
        p.caseId = c.id;
        p.unitCode = c.unitCode;
        p.year = (short) year;
        p.indexNumber = indexNumber(organisation, year, publications.nextIndexSequence(organisation, year));
        p.title = title(c);
        p.publisher = c.unitName;
        p.keywords = config.publicationCategory();
        p.publishedOn = LocalDate.now(clock);
        p.publishedAt = clock.instant();
        publications.persist(p);
    }

    /** 索引号: organisation code / year of the letter - the organisation's yearly sequence, at least 5 digits. */
    static String indexNumber(String organisationCode, int year, int seq) {
        return organisationCode + "/" + year + "-" + String.format("%05d", seq);
    }

    /** 名称, e.g. 关于市人大七届二次会议第20200001号代表建议答复的函, from what the case and its received suggestion know. */
    private String title(HandlingCase c) {
        String what = "PROPOSAL".equals(c.kind) ? "提案" : "代表建议";
        ReceivedSuggestion s = suggestions.findById(c.suggestionId);
        String session;
        if (s != null && s.term > 0 && s.session > 0) {
            session = config.congressNames().getOrDefault(c.congressBody, "") + numeral(s.term) + "届" + numeral(s.session) + "次会议";
        } else {
            session = c.year + "年";
        }
        String title = "关于" + session + "第" + c.number + "号" + what + "答复的函";
        return title.length() <= 300 ? title : title.substring(0, 300);
    }

    /** 1–99 in Chinese numerals (七, 十二, 二十); other numbers as digits. */
    static String numeral(int n) {
        String digits = "零一二三四五六七八九";
        if (n <= 0 || n >= 100) {
            return Integer.toString(n);
        }
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        return (n / 10 == 1 ? "" : String.valueOf(digits.charAt(n / 10))) + "十" + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
    }

    @Transactional
    public Published get(UUID id) {
        return publications.published(id).map(this::view).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public CaseService.Page<Published> list(String unit, Integer year, int page, int size) {
        return new CaseService.Page<>(publications.page(unit, year, page, size).stream().map(this::view).toList(),
                publications.count(unit, year), page, size);
    }

    private Published view(ReplyPublicationRepository.Published p) {
        ReplyPublication pub = p.publication();
        ReplyLetter letter = p.letter();
        return new Published(pub.id, pub.version, new Header(pub.indexNumber, config.publicationCategory(), pub.publisher, letter.issuedOn,
                pub.title, letter.documentNumber, pub.publishedOn, pub.keywords), letter.content);
    }

    /** What a withdrawal answers. */
    public record Withdrawal(UUID publicationId, String documentNumber, int round, java.time.Instant withdrawnAt, String withdrawnBy,
            String reason) {
    }

    /**
     * Withdraws the publication of the case's latest published letter (after a re-handling the first round's letter may
     * still be published when the new one is not): the case must be visible to the caller (404 otherwise); 409 when no
     * letter of the case is published (none issued, none PUBLIC, or all already withdrawn).
     */
    @Transactional
    public Withdrawal withdraw(UUID caseId, Caller caller, String reason) {
        HandlingCase c = cases.findVisible(caseId, caller.scope(), true).orElseThrow(() -> new NotFoundException(
                Text.of("没有您可查看的案件 " + caseId, "no case " + caseId + " visible to you")));
        ReplyLetter latest = letters.latest(c.id).orElseThrow(() -> new ConflictException(
                Text.of("案件尚未出具答复函,没有可撤回的公开", "the case has no reply letter yet: nothing is published")));
        List<ReplyPublication> ofCase = publications.ofCase(c.id);
        java.util.Map<UUID, ReplyLetter> byId = new java.util.HashMap<>();
        letters.ofCase(c.id).forEach(l -> byId.put(l.id, l));
        ReplyPublication p = ofCase.stream().filter(ReplyPublication::published)
                .max(java.util.Comparator.comparingInt(x -> byId.get(x.letterId).round)).orElse(null);
        if (p == null) {
            ReplyPublication withdrawn = ofCase.stream().filter(x -> x.withdrawnAt != null).max(java.util.Comparator.comparing(x -> x.withdrawnAt)).orElse(null);
            if (withdrawn != null) {
                String on = LocalDate.ofInstant(withdrawn.withdrawnAt, clock.getZone()).toString();
                throw new ConflictException(Text.of("答复函 " + byId.get(withdrawn.letterId).documentNumber + " 的公开已于 " + on + " 撤回",
                        "the publication of " + byId.get(withdrawn.letterId).documentNumber + " was already withdrawn on " + on));
            }
            throw new ConflictException(Text.of("答复函 " + latest.documentNumber + " 的公开属性为 " + latest.disclosure + ",未公开",
                    "the reply letter " + latest.documentNumber + " is " + latest.disclosure + ": it was not published"));
        }
        ReplyLetter letter = byId.get(p.letterId);
        p.withdrawnAt = clock.instant();
        p.withdrawnBy = caller.subject();
        p.withdrawalReason = reason;
        java.util.Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("publicationId", p.id);
        detail.put("documentNumber", letter.documentNumber);
        detail.put("round", letter.round);
        CaseHistoryEntry entry = history.append(c.id, "WITHDRAW_PUBLICATION", c.state.name(), c.state.name(), caller.subject(), p.withdrawnAt,
                reason, json.write(detail));
        c.historyLength = entry.seq;
        c.historyHead = entry.hash;
        c.updatedAt = entry.occurredAt;
        publications.flush();
        return new Withdrawal(p.id, letter.documentNumber, letter.round, p.withdrawnAt, p.withdrawnBy, reason);
    }

    /** The publication of each of the case's letters, for the case's page. */
    public List<ReplyPublication> ofCase(UUID caseId) {
        return publications.ofCase(caseId);
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException(Text.of("没有公开的答复 " + id, "no published reply " + id));
    }
}
