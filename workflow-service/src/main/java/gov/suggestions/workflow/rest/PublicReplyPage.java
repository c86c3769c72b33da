package gov.suggestions.workflow.rest;

import gov.suggestions.workflow.service.PublicReplies;

/** A published reply as a plain HTML page: the disclosure header as a table, then the letter's text; every value escaped. */
final class PublicReplyPage {

    private PublicReplyPage() {
    }

    static String render(PublicReplies.Published p) {
        PublicReplies.Header h = p.header();
        StringBuilder html = new StringBuilder(4096 + p.content().length() * 2);
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(escape(h.title()))
                .append("</title>\n<style>table{border-collapse:collapse}th,td{border:1px solid #999;padding:4px 8px;text-align:left}"
                        + "article{white-space:pre-wrap;margin-top:1.5em}</style>\n</head>\n<body>\n<table>\n");
        row(html, "索引号", h.indexNumber(), "分类", h.category());
        row(html, "发布机构", h.publisher(), "成文日期", String.valueOf(h.writtenOn()));
        html.append("<tr><th>名称</th><td colspan=\"3\">").append(escape(h.title())).append("</td></tr>\n");
        row(html, "文号", h.documentNumber(), "发布日期", String.valueOf(h.publishedOn()));
        html.append("<tr><th>主题词</th><td colspan=\"3\">").append(escape(h.keywords())).append("</td></tr>\n</table>\n<h1>")
                .append(escape(h.title())).append("</h1>\n<article>").append(escape(p.content())).append("</article>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void row(StringBuilder html, String label1, String value1, String label2, String value2) {
        html.append("<tr><th>").append(label1).append("</th><td>").append(escape(value1)).append("</td><th>").append(label2)
                .append("</th><td>").append(escape(value2)).append("</td></tr>\n");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
