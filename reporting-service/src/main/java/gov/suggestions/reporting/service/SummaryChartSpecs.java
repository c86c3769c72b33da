package gov.suggestions.reporting.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import gov.suggestions.reporting.domain.Text;
import gov.suggestions.reporting.repository.AnnualSummaryQueries.ReplyGroup;
import gov.suggestions.reporting.service.SummaryCharts.ChartSpec;

/** What the summary's charts show, from its figures; {@link SummaryCharts} draws them. */
final class SummaryChartSpecs {

    private SummaryChartSpecs() {
    }

    /** 一、 the deputies' evaluations (pie). */
    static ChartSpec evaluations(Figures f) {
        return new ChartSpec("evaluations", Text.of("代表评价结果", "Deputies' evaluations"), SummaryCharts.Kind.PIE,
                List.of(Text.of("满意", "Satisfied"), Text.of("基本满意", "Basically satisfied"), Text.of("不满意", "Unsatisfied"),
                        Text.of("尚未评价", "Not evaluated")),
                List.of(Text.of("件数", "Cases")),
                new double[][] { { f.satisfied(), f.basicallySatisfied(), f.unsatisfied(), f.notEvaluated() } }, Text.of("件数", "Cases"), false);
    }

    /** 一、 the replies' result categories A–D. */
    static ChartSpec categories(Figures f) {
        List<Text> categories = new ArrayList<>();
        double[] values = new double[Figures.CATEGORIES.length];
        for (int i = 0; i < Figures.CATEGORIES.length; i++) {
            String c = Figures.CATEGORIES[i];
            categories.add(Text.of(c + "类", "Category " + c));
            values[i] = f.categories().getOrDefault(c, 0L);
        }
        return new ChartSpec("categories", Text.of("答复类别", "Result categories"), SummaryCharts.Kind.BAR, categories,
                List.of(Text.of("件数", "Cases")), new double[][] { values }, Text.of("件数", "Cases"), false);
    }

    /**
     * 二、 replies per month (on time, late) against the deadlines falling due in each month, and the on-time reply rate by
     * undertaking department (as the statistics' DEPARTMENT breakdown; a department-less group last).
     */
    static List<ChartSpec> replies(List<ReplyGroup> groups) {
        TreeMap<String, double[]> months = new TreeMap<>();
        TreeMap<String, Double> departments = new TreeMap<>();
        boolean unnamed = false;
        double unnamedRate = 0;
        for (ReplyGroup g : groups) {
            long onTime = g.repliedOnTime();
            long late = g.repliedLate();
            switch (g.grouping()) {
                case DEPARTMENT -> {
                    if (onTime + late > 0) {
                        double rate = Figures.rate(onTime, onTime + late).movePointRight(2).doubleValue();
                        if (g.key() == null) {
                            unnamed = true;
                            unnamedRate = rate;
                        } else {
                            departments.put(g.key(), rate);
                        }
                    }
                }
                case REPLIED_MONTH -> {
                    if (g.key() != null) {
                        double[] m = months.computeIfAbsent(g.key(), k -> new double[3]);
                        m[0] = onTime;
                        m[1] = late;
                    }
                }
                case DUE_MONTH -> {
                    if (g.key() != null) {
                        months.computeIfAbsent(g.key(), k -> new double[3])[2] = g.cases();
                    }
                }
            }
        }
        List<Text> monthLabels = new ArrayList<>();
        double[][] monthValues = new double[3][months.size()];
        int i = 0;
        for (Map.Entry<String, double[]> m : months.entrySet()) {
            monthLabels.add(Text.of(m.getKey(), m.getKey()));
            for (int series = 0; series < 3; series++) {
                monthValues[series][i] = m.getValue()[series];
            }
            i++;
        }
        List<Text> departmentLabels = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        departments.forEach((name, rate) -> {
            departmentLabels.add(Text.of(name, name));
            rates.add(rate);
        });
        if (unnamed) {
            departmentLabels.add(Text.of("未指定处室", "Not named"));
            rates.add(unnamedRate);
        }
        return List.of(
                new ChartSpec("replies-by-month", Text.of("每月答复件数与到期件数", "Replies per month against deadlines"), SummaryCharts.Kind.BAR,
                        monthLabels, List.of(Text.of("按时答复", "Replied on time"), Text.of("逾期答复", "Replied late"), Text.of("到期件数", "Falling due")),
                        monthValues, Text.of("件数", "Cases"), false),
                new ChartSpec("on-time-by-department", Text.of("各承办处室按时答复率(%)", "On-time replies by department (%)"), SummaryCharts.Kind.BAR,
                        departmentLabels, List.of(Text.of("按时答复率", "On-time rate")),
                        new double[][] { rates.stream().mapToDouble(Double::doubleValue).toArray() }, Text.of("%", "%"), true));
    }
}
