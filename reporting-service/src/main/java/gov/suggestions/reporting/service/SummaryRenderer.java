package gov.suggestions.reporting.service;

import java.time.LocalDate;
import java.util.List;

import gov.suggestions.reporting.domain.Text;
import gov.suggestions.reporting.service.AnnualSummaryService.Header;
import gov.suggestions.reporting.service.AnnualSummaryService.Part;
import gov.suggestions.reporting.service.AnnualSummaryService.Section;
import gov.suggestions.reporting.service.AnnualSummaryService.Summary;

/** The summary as Markdown (no charts) and as a standalone HTML page with its charts as inline SVG. */
public final class SummaryRenderer {

    private SummaryRenderer() {
    }

    /** The header fields in the seed's order, label and value. */
    public static List<String[]> headerFields(Header h) {
        return List.of(new String[] { "索引号", h.indexNumber() }, new String[] { "分类", blank(h.classification()) },
                new String[] { "发布机构", blank(h.publisher()) }, new String[] { "成文日期", date(h.writtenOn()) },
                new String[] { "名称", blank(h.name()) }, new String[] { "文号", blank(h.documentNumber()) },
                new String[] { "发布日期", date(h.publishedOn()) }, new String[] { "主题词", blank(h.subjectWords()) });
    }

    /**
     * Every piece of text is written through {@link #md}: titles, header fields, narratives and measures come from the
     * office and from events, and whatever renders the Markdown (a portal, a chat, a Markdown-to-HTML converter) must show
     * them as text, never as HTML, links or images.
     */
    public static String markdown(Summary summary) {
        StringBuilder md = new StringBuilder("# ").append(md(summary.title())).append("\n");
        if (summary.header() != null) {
            List<String[]> fields = headerFields(summary.header());
            md.append("\n| | | | |\n|---|---|---|---|\n");
            for (int i = 0; i < fields.size(); i += 2) {
                md.append("| ").append(cell(fields.get(i)[0])).append(" | ").append(cell(fields.get(i)[1])).append(" | ")
                        .append(cell(fields.get(i + 1)[0])).append(" | ").append(cell(fields.get(i + 1)[1])).append(" |\n");
            }
        }
        md.append("\n").append(md(summary.addressee())).append(":\n\n").append(md(summary.opening())).append("\n");
        for (Section section : summary.sections()) {
            md.append("\n## ").append(md(section.heading())).append("\n");
            for (Part part : section.parts()) {
                switch (part.kind()) {
                    case SUBHEADING -> md.append("\n### ").append(md(part.text())).append("\n");
                    case PARAGRAPH -> md.append("\n").append(md(part.text())).append("\n");
                    case CHART -> {
                        // Markdown carries the figures as sentences only; the charts are in the HTML and .docx
                    }
                }
            }
        }
        md.append("\n").append(md(summary.closing())).append("\n\n").append(md(summary.signature())).append("\n");
        if (summary.date() != null) {
            md.append("\n").append(md(summary.date())).append("\n");
        }
        return md.toString();
    }

    public static String html(Summary summary) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n<title>")
                .append(escape(summary.title())).append("</title>\n<style>body{max-width:50em;margin:auto;font-family:serif}"
                        + "p{text-indent:2em;line-height:1.8}p.addressee,p.signature{text-indent:0}p.signature{text-align:right}"
                        + "table.header td{padding:2px 8px}figure{text-align:center}</style>\n</head>\n<body>\n");
        if (summary.header() != null) {
            List<String[]> fields = headerFields(summary.header());
            html.append("<table class=\"header\">\n");
            for (int i = 0; i < fields.size(); i += 2) {
                html.append("<tr><th>").append(escape(fields.get(i)[0])).append("</th><td>").append(escape(fields.get(i)[1]))
                        .append("</td><th>").append(escape(fields.get(i + 1)[0])).append("</th><td>").append(escape(fields.get(i + 1)[1]))
                        .append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("<h1>").append(escape(summary.title())).append("</h1>\n");
        html.append("<p class=\"addressee\">").append(escape(summary.addressee())).append(":</p>\n<p>").append(escape(summary.opening()))
                .append("</p>\n");
        for (Section section : summary.sections()) {
            html.append("<h2>").append(escape(section.heading())).append("</h2>\n");
            for (Part part : section.parts()) {
                switch (part.kind()) {
                    case SUBHEADING -> html.append("<h3>").append(escape(part.text())).append("</h3>\n");
                    case PARAGRAPH -> html.append("<p>").append(escape(part.text())).append("</p>\n");
                    case CHART -> html.append("<figure id=\"chart-").append(part.chart().id()).append("\">")
                            .append(SummaryCharts.svg(part.chart())).append("<figcaption>").append(escape(part.text()))
                            .append("</figcaption></figure>\n");
                }
            }
        }
        html.append("<p>").append(escape(summary.closing())).append("</p>\n<p class=\"signature\">").append(escape(summary.signature()))
                .append("</p>\n");
        if (summary.date() != null) {
            html.append("<p class=\"signature\">").append(escape(summary.date())).append("</p>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    static String blank(String value) {
        return value == null ? "" : value;
    }

    private static String cell(String value) {
        return md(value).replace("|", "\\|");
    }

    /**
     * Text as Markdown shows it, inert: HTML-significant characters as character references ({@code <script>} becomes
     * {@code &lt;script&gt;}, which every CommonMark renderer displays as the text it was), the characters of inline
     * Markdown (links and images {@code [..](..)}, code, emphasis) backslash-escaped, line breaks as spaces (one piece is
     * one line: a break could start a heading or a block of raw HTML), and a leading block marker ({@code #}, {@code -},
     * {@code +}, {@code =}) escaped so a narrative cannot pose as a heading or a list. Chinese text passes unchanged.
     */
    static String md(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean leading = true; // nothing but white space so far
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean wasLeading = leading;
            leading = leading && Character.isWhitespace(c);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\\', '`', '*', '_', '[', ']', '~' -> out.append('\\').append(c);
                case '\r', '\n', '\u2028', '\u2029' -> out.append(' ');
                case '#', '-', '+', '=' -> {
                    if (wasLeading) {
                        out.append('\\');
                    }
                    out.append(c);
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
