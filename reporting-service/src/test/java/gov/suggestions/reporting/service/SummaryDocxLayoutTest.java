package gov.suggestions.reporting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;

import gov.suggestions.reporting.service.AnnualSummaryService.Header;
import gov.suggestions.reporting.service.AnnualSummaryService.Part;
import gov.suggestions.reporting.service.AnnualSummaryService.Section;
import gov.suggestions.reporting.service.AnnualSummaryService.Summary;

/** The summary's .docx read back: the GB/T 9704-2012 page, fonts, 版头, 附注, 版记 and page numbers. */
class SummaryDocxLayoutTest {

    private static final String INDEX = "11440300MB2C92093L/2021-00123";
    private static final Header HEADER = new Header(INDEX, "建议提案办理", "深圳市政务服务数据管理局", LocalDate.of(2021, 1, 5),
            "深圳市政务服务数据管理局2020年建议提案办理工作总结", "深政数〔2021〕3号", LocalDate.of(2021, 1, 8), "建议提案 办理 总结");
    private static final Summary SUMMARY = new Summary("深圳市政务服务数据管理局2020年建议提案办理工作总结", HEADER, "市人大常委会办公厅",
            "现将我局2020年建议提案办理工作总结如下。",
            List.of(new Section("一、基本情况", List.of(Part.subheading("(一)办理数量及主要内容。"), Part.paragraph("2020年,我局共承办建议30件。")))),
            "特此报告。", "深圳市政务服务数据管理局", "2021年1月5日");

    private static XWPFDocument read(byte[] bytes) throws IOException {
        keep(bytes);
        return new XWPFDocument(new ByteArrayInputStream(bytes));
    }

    /** With -Dlayout.out=<dir> the documents are kept there, to be looked at rendered (e.g. libreoffice --convert-to pdf). */
    static void keep(byte[] bytes) throws IOException {
        String dir = System.getProperty("layout.out");
        if (dir != null) {
            java.nio.file.Files.write(java.nio.file.Path.of(dir, "summary-" + Integer.toHexString(java.util.Arrays.hashCode(bytes)) + ".docx"), bytes);
        }
    }

    @Test
    void aFourPageWithTheStandardMarginsAndTwentyTwoLinesOfTheBodyFont() throws Exception {
        try (XWPFDocument doc = read(SummaryDocx.docx(SUMMARY))) {
            CTSectPr section = doc.getDocument().getBody().getSectPr();
            assertEquals(BigInteger.valueOf(11906), section.getPgSz().getW(), "A4 width (210 mm)");
            assertEquals(BigInteger.valueOf(16838), section.getPgSz().getH(), "A4 height (297 mm)");
            CTPageMar margins = section.getPgMar();
            assertEquals(37.0, mm(margins.getTop()), 0.5, "天头 37 mm");
            assertEquals(28.0, mm(margins.getLeft()), 0.5, "订口 28 mm");
            assertEquals(156.0, 210 - mm(margins.getLeft()) - mm(margins.getRight()), 0.5, "版心 156 mm wide");
            assertEquals(225.0, 297 - mm(margins.getTop()) - mm(margins.getBottom()), 0.5, "版心 225 mm high");
            assertEquals(225.0 / 22, mm(section.getDocGrid().getLinePitch()), 0.05, "22 lines on a page");

            var defaults = org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument.Factory
                    .parse(doc.getStyles().getPackagePart().getInputStream()).getStyles().getDocDefaults();
            CTFonts fonts = defaults.getRPrDefault().getRPr().getRFontsArray(0);
            assertEquals("仿宋_GB2312", fonts.getEastAsia(), "body 仿宋_GB2312");
            assertEquals(BigInteger.valueOf(32), defaults.getRPrDefault().getRPr().getSzArray(0).getVal(), "三号 (16 pt)");
            int spacing = ((BigInteger) defaults.getRPrDefault().getRPr().getSpacingArray(0).getVal()).intValue();
            assertTrue(28 * (16 * 20 + spacing) <= SummaryDocx.TEXT_WIDTH && 29 * (16 * 20 + spacing) > SummaryDocx.TEXT_WIDTH,
                    "28 characters a line: 三号 narrowed by " + spacing + " twips");
            assertEquals(STLineSpacingRule.EXACT, defaults.getPPrDefault().getPPr().getSpacing().getLineRule());
            assertEquals(BigInteger.valueOf(SummaryDocx.LINE_PITCH), defaults.getPPrDefault().getPPr().getSpacing().getLine());

            XWPFParagraph title = doc.getParagraphs().stream().filter(p -> SummaryDocx.TITLE.equals(p.getStyle())).findFirst().orElseThrow();
            assertEquals(SUMMARY.title(), title.getText());
            assertEquals(ParagraphAlignment.CENTER, title.getAlignment());
            assertEquals("方正小标宋简体", eastAsia(title.getRuns().get(0)));
            assertEquals(22.0, title.getRuns().get(0).getFontSizeAsDouble(), "二号");
            assertEquals("黑体", eastAsia(styled(doc, SummaryDocx.HEADING_1).getRuns().get(0)));
            assertEquals("楷体_GB2312", eastAsia(styled(doc, SummaryDocx.HEADING_2).getRuns().get(0)));
            XWPFParagraph body = doc.getParagraphs().stream().filter(p -> p.getText().startsWith("2020年,我局")).findFirst().orElseThrow();
            assertEquals(2 * 16 * 20, body.getIndentationFirstLine(), "body indented two characters");
            assertEquals(null, body.getRuns().get(0).getCTR().getRPr(), "a body run takes the defaults");
        }
    }

    @Test
    void theDisclosureTableKeepsTheIndexNumberOnOneLine() throws IOException {
        try (XWPFDocument doc = read(SummaryDocx.docx(SUMMARY))) {
            XWPFTable table = doc.getTables().get(0);
            assertEquals("索引号", table.getRow(0).getCell(0).getText());
            assertEquals(INDEX, table.getRow(0).getCell(1).getText());
            assertEquals("FIXED", table.getCTTbl().getTblPr().getTblLayout().getType().toString().toUpperCase());
            int cellWidth = ((BigInteger) table.getRow(0).getCell(1).getCTTc().getTcPr().getTcW().getW()).intValue();
            double fontPoints = table.getRow(0).getCell(1).getParagraphs().get(0).getRuns().get(0).getFontSizeAsDouble();
            // digits and capitals of a Latin font are up to 0.6 of the font size wide (seen rendered: at half it still wrapped);
            // the cell keeps 0.19 cm each side (108 twips) for its margins
            double needed = INDEX.length() * fontPoints * 0.6 * 20 + 2 * 108;
            assertTrue(needed <= cellWidth, "索引号 needs " + needed + " twips, the cell has " + cellWidth);
            int total = 0;
            for (var col : table.getCTTbl().getTblGrid().getGridColList()) {
                total += ((BigInteger) col.getW()).intValue();
            }
            assertEquals(SummaryDocx.TEXT_WIDTH, total, "as wide as the 版心");
        }
    }

    @Test
    void theLetterheadTheDisclosureNoteTheImprintAndPageNumbersAreWhereOfficesPutThem() throws IOException {
        SummaryDocx.Letterhead letterhead = new SummaryDocx.Letterhead("深圳市政务服务数据管理局文件", "深圳市政务服务数据管理局办公室",
                List.of("市人大常委会办公厅", "市政府办公厅"));
        try (XWPFDocument doc = read(SummaryDocx.docx(SUMMARY, letterhead))) {
            List<XWPFParagraph> paragraphs = doc.getParagraphs();
            int at = indexOf(paragraphs, "深圳市政务服务数据管理局文件");
            XWPFParagraph mark = paragraphs.get(at);
            assertEquals(ParagraphAlignment.CENTER, mark.getAlignment());
            assertEquals(SummaryDocx.RED, mark.getRuns().get(0).getColor(), "the organ's mark in red");
            assertEquals("方正小标宋简体", eastAsia(mark.getRuns().get(0)));
            XWPFParagraph number = paragraphs.get(at + 1);
            assertEquals("深政数〔2021〕3号", number.getText());
            CTBorder rule = number.getCTP().getPPr().getPBdr().getBottom();
            assertTrue(rule.xmlText().contains("color=\"" + SummaryDocx.RED + "\""), "the red rule under the document number: " + rule.xmlText());
            assertEquals(SummaryDocx.TITLE, paragraphs.get(at + 2).getStyle(), "the title follows the rule");

            int date = indexOf(paragraphs, "2021年1月5日");
            assertEquals(ParagraphAlignment.RIGHT, paragraphs.get(date).getAlignment());
            assertEquals(4 * 16 * 20, paragraphs.get(date).getIndentationRight(), "成文日期 右空四字");
            assertEquals("(此件公开发布)", paragraphs.get(date + 1).getText(), "the disclosure note under the date");

            int copy = indexOf(paragraphs, "抄送:市人大常委会办公厅,市政府办公厅。");
            assertNotNull(paragraphs.get(copy).getCTP().getPPr().getPBdr().getTop(), "a rule above 抄送");
            XWPFParagraph copies = paragraphs.get(copy);
            assertEquals(14 * 20, copies.getIndentationLeft() - copies.getIndentationHanging(), "抄送 one character in");
            XWPFParagraph issued = paragraphs.get(copy + 1);
            assertTrue(issued.getText().startsWith("深圳市政务服务数据管理局办公室"), issued.getText());
            assertTrue(issued.getText().endsWith("2021年1月8日印发"), issued.getText());
            assertNotNull(issued.getCTP().getPPr().getPBdr().getBottom(), "a rule closes the 版记");
            assertEquals(14.0, issued.getRuns().get(0).getFontSizeAsDouble(), "版记 in 四号");
            assertEquals(copy + 1, paragraphs.size() - 1, "the 版记 ends the document");

            assertTrue(doc.getSettings().getEvenAndOddHeadings(), "odd and even pages number on their outer side");
            XWPFFooter odd = doc.getFooterList().stream().filter(f -> f.getParagraphs().get(0).getAlignment() == ParagraphAlignment.RIGHT)
                    .findFirst().orElseThrow();
            XWPFFooter even = doc.getFooterList().stream().filter(f -> f.getParagraphs().get(0).getAlignment() == ParagraphAlignment.LEFT)
                    .findFirst().orElseThrow();
            for (XWPFFooter footer : List.of(odd, even)) {
                String xml = footer.getParagraphs().get(0).getCTP().xmlText();
                assertTrue(xml.contains("PAGE"), "a PAGE field: " + xml);
                assertTrue(footer.getParagraphs().get(0).getText().startsWith("— "), footer.getParagraphs().get(0).getText());
                assertEquals("宋体", eastAsia(footer.getParagraphs().get(0).getRuns().get(0)));
            }
        }
    }

    @Test
    void withoutSettingsTheMarkAndTheImprintComeFromThePublisherAndWithoutAHeaderTheyAreLeftOut() throws IOException {
        var noSettings = new gov.suggestions.reporting.config.DocumentConfig() {
            @Override
            public java.util.Map<String, UnitDocuments> unit() {
                return java.util.Map.of();
            }
        };
        SummaryDocx.Letterhead fromHeader = SummaryDocx.Letterhead.of(noSettings, "sz-zsj", HEADER);
        assertEquals("深圳市政务服务数据管理局", fromHeader.organMark());
        assertEquals("深圳市政务服务数据管理局", fromHeader.issuingOffice());
        assertEquals(List.of(), fromHeader.copyTo());

        Summary withoutHeader = new Summary(SUMMARY.title(), null, SUMMARY.addressee(), SUMMARY.opening(), SUMMARY.sections(),
                SUMMARY.closing(), SUMMARY.signature(), SUMMARY.date());
        try (XWPFDocument doc = read(SummaryDocx.docx(withoutHeader, SummaryDocx.Letterhead.of(noSettings, "sz-zsj", null)))) {
            assertTrue(doc.getTables().isEmpty());
            assertEquals(SummaryDocx.TITLE, doc.getParagraphs().get(0).getStyle(), "no 版头 without a mark");
            assertFalse(doc.getParagraphs().stream().anyMatch(p -> p.getText().contains("公开发布")), "no disclosure note without a header");
            assertFalse(doc.getParagraphs().stream().anyMatch(p -> p.getText().endsWith("印发")), "no 版记 without an issuing office");
        }
    }

    private static double mm(Object twips) {
        return ((BigInteger) twips).doubleValue() / 56.6929;
    }

    private static XWPFParagraph styled(XWPFDocument doc, String style) {
        return doc.getParagraphs().stream().filter(p -> style.equals(p.getStyle())).findFirst().orElseThrow();
    }

    private static String eastAsia(XWPFRun run) {
        CTRPr rpr = run.getCTR().getRPr();
        return rpr == null || rpr.sizeOfRFontsArray() == 0 ? null : rpr.getRFontsArray(0).getEastAsia();
    }

    private static int indexOf(List<XWPFParagraph> paragraphs, String text) {
        for (int i = 0; i < paragraphs.size(); i++) {
            if (paragraphs.get(i).getText().equals(text)) {
                return i;
            }
        }
        throw new AssertionError("no paragraph " + text + " in " + paragraphs.stream().map(XWPFParagraph::getText).toList());
    }
}
