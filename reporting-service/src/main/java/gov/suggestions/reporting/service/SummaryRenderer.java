package gov.suggestions.reporting.service;

import gov.suggestions.reporting.service.AnnualSummaryService.Section;
import gov.suggestions.reporting.service.AnnualSummaryService.Summary;

/** The summary as Markdown and as a standalone HTML page. */
public final class SummaryRenderer {

    private SummaryRenderer() {
    }

    public static String markdown(Summary summary) {
        StringBuilder md = new StringBuilder("# ").append(summary.title()).append("\n");
        for (Section section : summary.sections()) {
            md.append("\n## ").append(section.heading()).append("\n");
            for (String paragraph : section.paragraphs()) {
                md.append("\n").append(paragraph).append("\n");
            }
        }
        return md.toString();
    }

    public static String html(Summary summary) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n<title>")
                .append(escape(summary.title())).append("</title>\n</head>\n<body>\n<h1>").append(escape(summary.title())).append("</h1>\n");
        for (Section section : summary.sections()) {
            html.append("<h2>").append(escape(section.heading())).append("</h2>\n");
            for (String paragraph : section.paragraphs()) {
                html.append("<p>").append(escape(paragraph)).append("</p>\n");
            }
        }
        return html.append("</body>\n</html>\n").toString();
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
