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

    /** Four decimals; null when nothing is there to divide by. */
    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
