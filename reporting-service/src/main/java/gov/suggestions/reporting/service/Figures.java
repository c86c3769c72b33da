package gov.suggestions.reporting.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts for a set of cases and the rates derived from them. Reply figures count SOLE, LEAD and
 * SEPARATE cases; joint-opinion figures count JOINT cases.
 */
public record Figures(
        String group,
        long cases,
        long replyCases,
        long replied,
        long repliedOnTime,
        long jointCases,
        long opinionsSent,
        long opinionsOnTime,
        long communicatedBeforeReply,
        long faceToFaceBeforeReply,
        long evaluated,
        long satisfied,
        long basicallySatisfied,
        long unsatisfied,
        long notEvaluated,
        Map<String, Long> categories,
        long rehandled,
        long overdue,
        long leaderLed,
        long returnedDrafts,
        Map<String, Long> communications) {

    public static final String[] CATEGORIES = { "A", "B", "C", "D" };

    public BigDecimal onTimeReplyRate() {
        return rate(repliedOnTime, replied);
    }

    public BigDecimal onTimeJointOpinionRate() {
        return rate(opinionsOnTime, opinionsSent);
    }

    public BigDecimal communicationRate() {
        return rate(communicatedBeforeReply, replied);
    }

    public BigDecimal faceToFaceRate() {
        return rate(faceToFaceBeforeReply, replied);
    }

    public BigDecimal satisfactionRate() {
        return rate(satisfied, evaluated);
    }

    /** 基本满意率 counts satisfied and basically satisfied together. */
    public BigDecimal basicSatisfactionRate() {
        return rate(satisfied + basicallySatisfied, evaluated);
    }

    public BigDecimal rehandlingRate() {
        return rate(rehandled, replied);
    }

    public Map<String, BigDecimal> categoryShares() {
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        categories.forEach((category, count) -> shares.put(category, rate(count, replied)));
        return shares;
    }

    /**
     * Figures from the counts of the statistics' aggregate columns, in their order (cases, reply cases, replied, replied on
     * time, joint, opinions sent, on time, communicated and face to face before the reply, evaluated, satisfied, basically
     * satisfied, unsatisfied, categories A–D, re-handled, overdue, leader-led, returned drafts), with the distinct
     * communications by kind found (every kind named, 0 when none was found).
     */
    static Figures of(String group, long[] c, Map<String, Long> communicationsFound) {
        Map<String, Long> categories = new LinkedHashMap<>();
        for (int i = 0; i < CATEGORIES.length; i++) {
            categories.put(CATEGORIES[i], c[13 + i]);
        }
        Map<String, Long> communications = new LinkedHashMap<>();
        for (String kind : StatisticsService.COMMUNICATION_KINDS) {
            communications.put(kind, communicationsFound.getOrDefault(kind, 0L));
        }
        return new Figures(group, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[2] - c[9], categories,
                c[17], c[18], c[19], c[20], communications);
    }

    /** Four decimals; null when nothing is there to divide by. */
    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
