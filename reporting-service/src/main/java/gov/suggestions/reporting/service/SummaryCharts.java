package gov.suggestions.reporting.service;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;
import org.jfree.svg.SVGGraphics2D;

import gov.suggestions.reporting.domain.Text;

/**
 * The summary's charts drawn with JFreeChart: PNG for the .docx, SVG for the HTML. SVG keeps its text
 * as text, so the reader's browser draws the Chinese labels; a PNG is drawn here and uses Chinese
 * labels only when this machine has a font with Chinese glyphs, else the English ones (and labels
 * from the data, such as department names, become D1, D2… with a key printed under the chart).
 */
public final class SummaryCharts {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 360;

    /** Bars (one group per category, one bar per series) or a pie (one series). */
    public enum Kind {
        BAR, PIE
    }

    /**
     * What a chart shows. Categories and series are named in both languages; values[s][c] is series
     * s in category c. Percent charts take values 0–100.
     */
    public record ChartSpec(String id, Text title, Kind kind, List<Text> categories, List<Text> series, double[][] values,
            Text valueAxis, boolean percent) {
    }

    /** A drawn chart and, when labels had to be abbreviated, the key that names them. */
    public record Drawn<T>(T image, List<String> key) {
    }

    private static final boolean CJK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12).canDisplayUpTo("满意率按时答复") == -1;

    private SummaryCharts() {
    }

    /** Whether PNG charts can carry Chinese text on this machine. */
    public static boolean chineseInPng() {
        return CJK_FONT;
    }

    public static Drawn<byte[]> png(ChartSpec spec) {
        List<String> key = new ArrayList<>();
        JFreeChart chart = build(spec, CJK_FONT, key);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            return new Drawn<>(out.toByteArray(), key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String svg(ChartSpec spec) {
        JFreeChart chart = build(spec, true, new ArrayList<>());
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        return g2.getSVGElement(spec.id());
    }

    private static JFreeChart build(ChartSpec spec, boolean chinese, List<String> key) {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        Font base = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        theme.setExtraLargeFont(base.deriveFont(Font.BOLD, 16f));
        theme.setLargeFont(base.deriveFont(13f));
        theme.setRegularFont(base);
        theme.setSmallFont(base.deriveFont(11f));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setRangeGridlinePaint(Color.LIGHT_GRAY);
        List<String> categories = new ArrayList<>();
        for (int c = 0; c < spec.categories().size(); c++) {
            String label = label(spec.categories().get(c), chinese);
            if (!chinese && !renders(label)) {
                // a name from the data with no English form: abbreviate it and print the key under the chart
                String abbreviation = "D" + (key.size() + 1);
                key.add(abbreviation + " " + spec.categories().get(c).zh());
                label = abbreviation;
            }
            categories.add(label);
        }
        String title = label(spec.title(), chinese);
        JFreeChart chart;
        if (spec.kind() == Kind.PIE) {
            DefaultPieDataset<String> data = new DefaultPieDataset<>();
            for (int c = 0; c < categories.size(); c++) {
                if (spec.values()[0][c] > 0) {
                    data.setValue(categories.get(c), spec.values()[0][c]);
                }
            }
            PiePlot<String> plot = new PiePlot<>(data);
            plot.setShadowPaint(null);
            plot.setLabelGenerator(new StandardPieSectionLabelGenerator("{0}: {1} ({2})"));
            chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        } else {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            for (int s = 0; s < spec.series().size(); s++) {
                for (int c = 0; c < categories.size(); c++) {
                    data.addValue(spec.values()[s][c], label(spec.series().get(s), chinese), categories.get(c));
                }
            }
            CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), new NumberAxis(label(spec.valueAxis(), chinese)),
                    new BarRenderer());
            plot.setOrientation(PlotOrientation.VERTICAL);
            BarRenderer renderer = (BarRenderer) plot.getRenderer();
            renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
            renderer.setDefaultItemLabelsVisible(true);
            NumberAxis range = (NumberAxis) plot.getRangeAxis();
            range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            if (spec.percent()) {
                range.setRange(0, 110); // room above 100 for the bar's label
            } else {
                range.setUpperMargin(0.15);
            }
            if (categories.size() > 6) {
                plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
            }
            chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, spec.series().size() > 1);
        }
        theme.apply(chart);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static String label(Text text, boolean chinese) {
        return chinese ? text.zh() : text.en();
    }

    private static boolean renders(String label) {
        return label.chars().allMatch(ch -> ch < 0x2E80);
    }
}
