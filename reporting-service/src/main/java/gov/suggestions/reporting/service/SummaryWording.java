package gov.suggestions.reporting.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.reporting.config.SummaryConfig;
import gov.suggestions.reporting.repository.AnnualSummaryQueries.RehandlingOutcome;

/**
 * The summary's prose: figures written as the seed writes them, and the default paragraphs of the narratives. Pure
 * functions of the figures and the wording settings (how the unit names itself, the deputies and the congress), so it is
 * tested without Quarkus.
 */
@ApplicationScoped
public class SummaryWording {

    /** How each communication kind is named in the summary, in the order the seed names them. */
    static final Map<String, String> KIND_WORDS = new LinkedHashMap<>();

    static {
        KIND_WORDS.put("PHONE", "电话沟通");
        KIND_WORDS.put("MEETING", "见面座谈");
        KIND_WORDS.put("ON_SITE_INVESTIGATION", "实地调查");
        KIND_WORDS.put("SYMPOSIUM", "召开座谈会");
        KIND_WORDS.put("VISIT", "接待代表来访"); // the deputy came to the unit (来访), not the unit to the deputy
        KIND_WORDS.put("DRAFT_CONSULTATION", "就答复意见征求代表意见");
    }

    private final SummaryConfig wording;

    public SummaryWording(SummaryConfig wording) {
        this.wording = wording;
    }

    /** The title of a summary without a draft: "<unit><year>年度人大代表建议办理工作总结". */
    String title(String unitName, int year) {
        return unitName + year + "年度" + wording.evaluator() + "建议办理工作总结";
    }

    String addressee() {
        return wording.addressee();
    }

    // 一、基本情况

    /** The seed's sentence: totals by role, evaluation results, joint opinions' timeliness. */
    String basicSituation(Figures f) {
        return basicSituation(f, Map.of());
    }

    /**
     * The seed's sentence, and after the evaluations the cases re-handled after an unsatisfied evaluation with where they
     * stand now ({@code outcomes}: the deputy's evaluation of the new reply, or still in hand).
     */
    String basicSituation(Figures f, Map<RehandlingOutcome, Long> outcomes) {
        StringBuilder s = new StringBuilder("今年,").append(wording.self()).append("共办理").append(wording.handledNoun())
                .append(f.cases()).append("件。");
        List<String> clauses = new ArrayList<>();
        if (f.replyCases() > 0) {
            List<String> parts = new ArrayList<>();
            parts.add("其中主办、承办、分办" + f.replyCases() + "件");
            if (f.satisfied() > 0) {
                parts.add(f.satisfied() + "件已收到" + wording.evaluator() + "“满意”评价");
            }
            if (f.basicallySatisfied() > 0) {
                parts.add(f.basicallySatisfied() + "件收到“基本满意”评价");
            }
            if (f.unsatisfied() > 0) {
                parts.add(f.unsatisfied() + "件收到“不满意”评价");
            }
            if (f.notEvaluated() > 0) {
                parts.add(f.notEvaluated() + "件尚未评价");
            }
            long inHand = f.replyCases() - f.replied();
            if (inHand > 0) {
                parts.add(inHand + "件正在办理");
            }
            clauses.add(String.join(",", parts));
            if (f.rehandled() > 0) {
                clauses.add(rehandlingClause(f.rehandled(), outcomes));
            }
        }
        if (f.jointCases() > 0) {
            String joint = (clauses.isEmpty() ? "其中" : "") + "汇办" + f.jointCases() + "件,";
            long late = f.opinionsSent() - f.opinionsOnTime();
            long unsent = f.jointCases() - f.opinionsSent();
            if (late == 0 && unsent == 0) {
                joint += "汇办意见全部按时反馈主办单位";
            } else {
                List<String> parts = new ArrayList<>();
                if (f.opinionsOnTime() > 0) {
                    parts.add(f.opinionsOnTime() + "件汇办意见按时反馈主办单位");
                }
                if (late > 0) {
                    parts.add(late + "件逾期反馈");
                }
                if (unsent > 0) {
                    parts.add(unsent + "件尚未反馈");
                }
                joint += String.join(",", parts);
            }
            clauses.add(joint);
        }
        return s.append(String.join(";", clauses)).append(clauses.isEmpty() ? "" : "。").toString();
    }

    /**
     * "其中1件经代表不满意后重新办理,重新答复后代表表示满意": the re-handled cases and the deputies' evaluations of the new
     * replies; those not yet evaluated again are said to be in hand.
     */
    static String rehandlingClause(long rehandled, Map<RehandlingOutcome, Long> outcomes) {
        long satisfied = outcomes.getOrDefault(RehandlingOutcome.SATISFIED, 0L);
        long basically = outcomes.getOrDefault(RehandlingOutcome.BASICALLY_SATISFIED, 0L);
        long unsatisfied = outcomes.getOrDefault(RehandlingOutcome.UNSATISFIED, 0L);
        long pending = Math.max(0, rehandled - satisfied - basically - unsatisfied);
        StringBuilder s = new StringBuilder("其中").append(rehandled).append("件经代表不满意后重新办理");
        if (satisfied == rehandled) {
            return s.append(",重新答复后代表表示满意").toString();
        }
        if (basically == rehandled) {
            return s.append(",重新答复后代表表示基本满意").toString();
        }
        if (satisfied + basically == rehandled) {
            return s.append(",重新答复后代表表示满意").append(satisfied).append("件、基本满意").append(basically).append("件").toString();
        }
        List<String> outcome = new ArrayList<>();
        if (satisfied > 0) {
            outcome.add("满意" + satisfied + "件");
        }
        if (basically > 0) {
            outcome.add("基本满意" + basically + "件");
        }
        if (unsatisfied > 0) {
            outcome.add("仍不满意" + unsatisfied + "件");
        }
        if (!outcome.isEmpty()) {
            s.append(",重新答复后代表表示").append(String.join("、", outcome));
        }
        if (pending > 0) {
            s.append(outcome.isEmpty() ? "," : ",另有").append(pending).append("件正在重新办理或尚待代表再次评价");
        }
        return s.toString();
    }

    /**
     * One sentence comparing the year with the previous one (absent: nothing is said): the cases handled, then the on-time
     * reply rate and the satisfaction rate where both years have one. "与2019年相比,承办建议增加3件(2019年为27件),按时答复率由80%提高到100%。"
     */
    static String comparisonSentence(Figures now, Figures before, int previousYear) {
        if (before == null) {
            return "";
        }
        StringBuilder s = new StringBuilder("与").append(previousYear).append("年相比,承办建议");
        long change = now.cases() - before.cases();
        if (change > 0) {
            s.append("增加").append(change).append("件");
        } else if (change < 0) {
            s.append("减少").append(-change).append("件");
        } else {
            s.append("数量持平");
        }
        s.append("(").append(previousYear).append("年为").append(before.cases()).append("件)");
        rateChange(s, "按时答复率", before.onTimeReplyRate(), now.onTimeReplyRate());
        rateChange(s, "满意率", before.satisfactionRate(), now.satisfactionRate());
        return s.append("。").toString();
    }

    private static void rateChange(StringBuilder s, String name, BigDecimal before, BigDecimal now) {
        if (before == null || now == null) {
            return;
        }
        String from = percent(before);
        String to = percent(now);
        int direction = now.compareTo(before);
        if (from.equals(to)) {
            s.append(",").append(name).append("均为").append(to);
        } else {
            s.append(",").append(name).append("由").append(from).append(direction > 0 ? "提高到" : "降至").append(to);
        }
    }

    static String topicsSentence(List<String> topics) {
        return topics.isEmpty() ? "" : "内容主要涉及" + String.join("、", topics) + "等。";
    }

    // 二、主要工作措施

    /** Leader-led cases (a lead handler named at distribution) and drafts returned in review. */
    String leadershipSentence(Figures f) {
        String leaders = leaders();
        StringBuilder s = new StringBuilder();
        if (f.leaderLed() > 0) {
            s.append("实行").append(leaders).append("牵头办理制度,").append(f.leaderLed()).append("件建议由").append(leaders).append("牵头办理。");
        } else {
            s.append("今年没有由").append(leaders).append("牵头办理的建议。");
        }
        if (f.returnedDrafts() > 0) {
            s.append("答复意见稿经审核退回修改").append(f.returnedDrafts()).append("次,对答复意见质量不高的一律补充办理。");
        } else if (f.replied() > 0) {
            s.append("答复意见稿均经审核把关后答复。");
        }
        return s.toString();
    }

    String timelinessSentence(Figures f) {
        StringBuilder s = new StringBuilder("主办、承办、分办的").append(f.replyCases()).append("件建议中,").append(f.replied()).append("件已答复");
        if (f.repliedOnTime() == f.replied()) {
            s.append(",全部在办理时限内答复");
        } else {
            s.append(",其中").append(f.repliedOnTime()).append("件在办理时限内答复");
        }
        s.append(",按时答复率").append(percent(f.onTimeReplyRate())).append("。");
        return s.toString();
    }

    /** Communications by kind (distinct communications: a symposium for several suggestions counts once), communication and face-to-face rates. */
    String communicationSentence(Figures f, Map<String, Long> byKind) {
        long total = byKind.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder s = new StringBuilder();
        if (total == 0) {
            s.append("今年尚未记录与代表的沟通。");
        } else {
            List<String> kinds = new ArrayList<>();
            byKind.forEach((kind, count) -> kinds.add(KIND_WORDS.getOrDefault(kind, "其他方式沟通") + count + "次"));
            s.append("办理过程中与代表沟通").append(total).append("次,其中").append(String.join("、", kinds)).append("。");
        }
        if (f.replied() > 0) {
            s.append("已答复的").append(f.replied()).append("件建议中,").append(f.communicatedBeforeReply()).append("件在答复前与代表进行了沟通,沟通率")
                    .append(percent(f.communicationRate())).append(";").append(f.faceToFaceBeforeReply()).append("件与代表面对面沟通,面商率")
                    .append(percent(f.faceToFaceRate())).append("。");
        }
        return s.toString();
    }

    String jointOpinionSentence(Figures f) {
        StringBuilder s = new StringBuilder("汇办的").append(f.jointCases()).append("件建议,");
        if (f.opinionsOnTime() == f.jointCases()) {
            s.append("汇办意见全部在一个月内书面反馈主办单位。");
        } else {
            s.append(f.opinionsOnTime()).append("件汇办意见在一个月内书面反馈主办单位");
            long late = f.opinionsSent() - f.opinionsOnTime();
            if (late > 0) {
                s.append(",").append(late).append("件逾期反馈");
            }
            long unsent = f.jointCases() - f.opinionsSent();
            if (unsent > 0) {
                s.append(",").append(unsent).append("件尚未反馈");
            }
            s.append("。");
        }
        return s.toString();
    }

    /** Distinct communications by kind in the seed's order, kinds it does not name summed as OTHER. */
    static Map<String, Long> communicationsByKind(Map<String, Long> byKind) {
        Map<String, Long> found = new HashMap<>(byKind);
        Map<String, Long> ordered = new LinkedHashMap<>();
        KIND_WORDS.keySet().forEach(kind -> {
            if (found.containsKey(kind)) {
                ordered.put(kind, found.remove(kind));
            }
        });
        long other = found.values().stream().mapToLong(Long::longValue).sum();
        if (other > 0) {
            ordered.put("OTHER", other);
        }
        return ordered;
    }

    // 三、将建议转化成实际的工作措施

    /** "(一)第20200041号《title》。" */
    static String conversionHeading(int ordinal, String number, String title) {
        return "(" + chineseNumber(ordinal) + ")第" + number + "号《" + title + "》。";
    }

    /** "1.支持开展区块链试点应用。" */
    static String measure(int ordinal, String measure) {
        return ordinal + "." + asSentence(measure);
    }

    static String noMeasures() {
        return "今年答复的建议尚无列明的工作措施。";
    }

    /** A measure as the seed writes it: a sentence closed by a full stop (commitments are usually short phrases). */
    static String asSentence(String measure) {
        return measure.matches(".*[。!?;…!?;.]$") ? measure : measure + "。";
    }

    // the defaults of the narratives

    /** 四、下一步工作思路 when the office wrote none. */
    String nextSteps() {
        return "虽然" + wording.self() + "办理" + wording.evaluator() + "建议工作取得了一定成效,但与" + wording.congress() + "人大常委会、"
                + wording.congress() + "政府的要求,与" + wording.evaluator() + "们的期望还有差距。在今后的工作中," + wording.self()
                + "将坚持以代表满意为最高标准,从代表提出的事项抓起,从代表不满意的地方改起,加强与代表的沟通联系,跟踪落实答复中承诺的工作措施,"
                + "努力把建议办理工作落到实处。";
    }

    /** 一、(二) when the office wrote none. */
    String defaultFeatures() {
        return wording.self() + "始终把办理" + wording.evaluator() + "建议工作作为接受" + wording.evaluator()
                + "监督、改进工作作风的大事来抓,坚持“认真负责、实事求是、尽力而为”的办理原则,明确每一件建议的承办责任、要求和时间,按时完成了建议办理任务。";
    }

    /** The opening, naming the session most of the cases came from (the year when none is known). */
    String defaultOpening(Integer term, Integer session, int year) {
        String meeting = year + "年度";
        if (term != null) {
            meeting = wording.congress() + chineseNumber(term) + "届人大" + chineseNumber(session) + "次会议";
        }
        return "根据贵单位关于做好" + meeting + "代表建议办理收尾工作的有关要求,现将" + wording.self() + year + "年度" + wording.evaluator()
                + "建议办理工作总结报送如下:";
    }

    /** "我局" → "局领导". */
    private String leaders() {
        String self = wording.self();
        return (self.startsWith("我") && self.length() > 1 ? self.substring(1) : "单位") + "领导";
    }

    // numbers and dates

    /** 0.7143 → "71.4%", 1 → "100%". */
    static String percent(BigDecimal rate) {
        if (rate == null) {
            return "—";
        }
        return rate.movePointRight(2).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }

    static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** 1 → 一, 10 → 十, 23 → 二十三, 105 → 一百零五 (up to 9999). */
    static String chineseNumber(int n) {
        String digits = "零一二三四五六七八九";
        if (n <= 0 || n > 9999) {
            return Integer.toString(n);
        }
        String[] units = { "", "十", "百", "千" };
        StringBuilder s = new StringBuilder();
        String text = Integer.toString(n);
        boolean zero = false;
        for (int i = 0; i < text.length(); i++) {
            int d = text.charAt(i) - '0';
            int unit = text.length() - 1 - i;
            if (d == 0) {
                zero = true;
                continue;
            }
            if (zero && s.length() > 0) {
                s.append('零');
            }
            zero = false;
            if (!(d == 1 && unit == 1 && s.length() == 0)) {
                s.append(digits.charAt(d));
            }
            s.append(units[unit]);
        }
        return s.toString();
    }
}
