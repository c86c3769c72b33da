package gov.suggestions.workflow.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;

import gov.suggestions.workflow.domain.CaseParts;
import gov.suggestions.workflow.domain.Disclosure;
import gov.suggestions.workflow.domain.HandlingCase;
import gov.suggestions.workflow.domain.ReplyLetter;
import gov.suggestions.workflow.domain.ResultCategory;

/** The reply letter read back: GB/T 9704-2012's letter format (信函格式) on A4. */
class ReplyLetterLayoutTest {

    private static byte[] letter() {
        HandlingCase c = new HandlingCase();
        c.number = "20210012";
        c.unitCode = "sz-zsj";
        c.unitName = "深圳市政务服务数据管理局";
        c.leadDeputyName = "王某某";
        ReplyLetter letter = new ReplyLetter();
        letter.documentNumber = "深政数函〔2021〕12号";
        letter.category = ResultCategory.B;
        letter.disclosure = Disclosure.PUBLIC;
        letter.content = "您提出的关于加快推进政务数据共享的建议收悉。\n我局高度重视,现答复如下。";
        letter.issuedOn = LocalDate.of(2021, 6, 20);
        return ReplyLetterDocument.write(c, letter,
                List.of(new CaseParts.Commitment("年内上线共享平台二期", "数据资源处", LocalDate.of(2021, 12, 31))),
                List.of(new CaseParts.Contact("李某", "数据资源处处长", "0755-88100000")),
                new ReplyLetterDocument.Letterhead("深圳市政务服务数据管理局", List.of("市人大常委会办公厅", "市政府办公厅")));
    }

    @Test
    void theLetterFormatPageAndItsRedLetterheadOnTheFirstPageOnly() throws IOException {
        String dir = System.getProperty("layout.out"); // with -Dlayout.out=<dir> the letter is kept there, to be looked at rendered
        if (dir != null) {
            java.nio.file.Files.write(java.nio.file.Path.of(dir, "reply-letter.docx"), letter());
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(letter()))) {
            CTSectPr section = doc.getDocument().getBody().getSectPr();
            assertEquals(BigInteger.valueOf(11906), section.getPgSz().getW(), "A4");
            assertEquals(BigInteger.valueOf(16838), section.getPgSz().getH(), "A4");
            assertEquals(37.0, mm(section.getPgMar().getTop()), 0.5, "天头 37 mm");
            assertEquals(28.0, mm(section.getPgMar().getLeft()), 0.5, "订口 28 mm");
            assertEquals(156.0, 210 - mm(section.getPgMar().getLeft()) - mm(section.getPgMar().getRight()), 0.5, "版心 156 mm");
            assertEquals(30.0, mm(section.getPgMar().getHeader()), 0.5, "the organ's name 30 mm from the top edge");
            assertEquals(20.0, mm(section.getPgMar().getFooter()), 0.5, "the lower double rule 20 mm from the bottom edge");
            assertTrue(section.isSetTitlePg(), "the first page has its own header and footer");

            XWPFHeader first = doc.getHeaderList().stream().filter(h -> h.getText().contains("深圳市政务服务数据管理局")).findFirst().orElseThrow();
            XWPFParagraph mark = first.getParagraphs().get(0);
            assertEquals(ParagraphAlignment.CENTER, mark.getAlignment());
            assertEquals(ReplyLetterDocument.RED, mark.getRuns().get(0).getColor());
            assertEquals("方正小标宋简体", eastAsia(mark.getRuns().get(0)));
            assertEquals(STBorder.THICK_THIN_SMALL_GAP, mark.getCTP().getPPr().getPBdr().getBottom().getVal(), "上粗下细");
            assertTrue(mark.getCTP().getPPr().getPBdr().getBottom().xmlText().contains("FF0000"), "red");
            assertEquals(170.0, 156 + 2 * mm(BigInteger.valueOf(-mark.getIndentationLeft())), 0.5, "the double rule is 170 mm wide");

            XWPFFooter lower = doc.getFooterList().stream()
                    .filter(f -> f.getParagraphs().get(0).getCTP().getPPr() != null && f.getParagraphs().get(0).getCTP().getPPr().isSetPBdr())
                    .findFirst().orElseThrow();
            assertEquals(STBorder.THIN_THICK_SMALL_GAP, lower.getParagraphs().get(0).getCTP().getPPr().getPBdr().getTop().getVal(), "上细下粗");
            assertFalse(lower.getParagraphs().get(0).getCTP().xmlText().contains("PAGE"), "no page number on the first page");
            long numbered = doc.getFooterList().stream().filter(f -> f.getParagraphs().get(0).getCTP().xmlText().contains("PAGE")).count();
            assertEquals(2, numbered, "odd and even pages from page 2 carry — n —");
            assertTrue(doc.getSettings().getEvenAndOddHeadings());
        }
    }

    @Test
    void marksTitleBodySignatureNoteAndCopiesAreWhereOfficesPutThem() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(letter()))) {
            List<XWPFParagraph> p = doc.getParagraphs();
            assertEquals("答复类别:B 类\t深政数函〔2021〕12号", p.get(0).getText());
            assertEquals("黑体", eastAsia(p.get(0).getRuns().get(0)), "the category where the 份号 goes, in 黑体");
            assertEquals("公开属性:公开", p.get(1).getText());
            assertEquals("关于对市人大代表王某某第20210012号建议的答复", p.get(2).getText());
            assertEquals(ParagraphAlignment.CENTER, p.get(2).getAlignment());
            assertEquals("方正小标宋简体", eastAsia(p.get(2).getRuns().get(0)));
            assertEquals(22.0, p.get(2).getRuns().get(0).getFontSizeAsDouble(), "二号");
            assertEquals("王某某代表:", p.get(3).getText());
            assertTrue(p.get(3).getIndentationFirstLine() <= 0, "the addressee flush left (-1: no indentation set)");
            assertEquals(2 * 16 * 20, p.get(4).getIndentationFirstLine(), "body paragraphs two characters in");

            int date = index(p, "2021年6月20日");
            assertEquals(ParagraphAlignment.RIGHT, p.get(date).getAlignment());
            assertEquals(4 * 16 * 20, p.get(date).getIndentationRight(), "成文日期 右空四字");
            assertEquals("深圳市政务服务数据管理局", p.get(date - 1).getText());
            assertEquals("(联系人:李某(数据资源处处长),联系电话:0755-88100000)", p.get(date + 1).getText(), "contacts as 附注");
            XWPFParagraph copies = p.get(p.size() - 1);
            assertEquals("抄送:市人大常委会办公厅,市政府办公厅。", copies.getText());
            assertEquals(14.0, copies.getRuns().get(0).getFontSizeAsDouble(), "四号");
            assertFalse(p.stream().anyMatch(x -> x.getText().endsWith("印发")), "a letter has no 印发 line");
        }
    }

    private static int index(List<XWPFParagraph> paragraphs, String text) {
        for (int i = 0; i < paragraphs.size(); i++) {
            if (paragraphs.get(i).getText().equals(text)) {
                return i;
            }
        }
        throw new AssertionError("no " + text + " in " + paragraphs.stream().map(XWPFParagraph::getText).toList());
    }

    private static double mm(Object twips) {
        return ((BigInteger) twips).doubleValue() / 56.6929;
    }

    private static String eastAsia(XWPFRun run) {
        var rpr = run.getCTR().getRPr();
        return rpr == null || rpr.sizeOfRFontsArray() == 0 ? null : rpr.getRFontsArray(0).getEastAsia();
    }
}
