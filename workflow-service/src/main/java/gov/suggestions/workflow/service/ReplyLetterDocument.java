package gov.suggestions.workflow.service;

import gov.suggestions.workflow.domain.CaseParts;
import gov.suggestions.workflow.domain.Limits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STOnOff1;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPBdr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;

import gov.suggestions.workflow.config.WorkflowConfig;
import gov.suggestions.workflow.domain.Disclosure;
import gov.suggestions.workflow.domain.HandlingCase;
import gov.suggestions.workflow.domain.ReplyLetter;

/**
 * The formal reply letter (答复函) as .docx, the document the unit office signs and sends, in the letter format of
 * GB/T 9704-2012 (信函格式): A4 with the standard margins and a 22 × 28 grid; on the first page only, the organ's
 * name in red 30 mm from the top edge over a red double rule (thick over thin) and a red double rule (thin over thick)
 * 20 mm from the bottom edge, both 170 mm wide, and no page number; the answer category and the disclosure
 * attribute where the 份号 and 密级 go (top left, 黑体) with the document number on the right; the title in
 * 方正小标宋简体 二号, the body in 仿宋_GB2312 三号; the signature over the date four characters from the right; the
 * contacts as 附注; 抄送 at the end without rules (a letter has no 印发 line); page numbers "— n —" from page 2.
 */
@ApplicationScoped
public class ReplyLetterDocument {

    static final String BODY_FONT = "仿宋_GB2312";
    static final String TITLE_FONT = "方正小标宋简体";
    static final String MARK_FONT = "黑体";
    static final String LATIN_FONT = "Times New Roman";
    static final String RED = "FF0000";

    private static final int BODY_SIZE = 16; // 三号
    private static final int TITLE_SIZE = 22; // 二号
    private static final int NOTE_SIZE = 14; // 四号
    private static final int BODY_CHAR = BODY_SIZE * 20;
    private static final int NOTE_CHAR = NOTE_SIZE * 20;

    static final int PAGE_WIDTH = 11906;
    static final int PAGE_HEIGHT = 16838;
    static final int MARGIN_TOP = 2098; // 37 mm
    static final int MARGIN_BOTTOM = 1984; // 35 mm
    static final int MARGIN_LEFT = 1588; // 28 mm
    static final int MARGIN_RIGHT = 1474; // 26 mm
    static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT; // 156 mm
    static final int LINE_PITCH = 579; // 225 mm / 22 lines
    /** 三号 narrowed to 28 characters a line (156 mm / 28 = 15.75 pt), in twentieths of a point. */
    static final int CHARACTER_SPACING = -5;
    /** The letterhead 30 mm from the top edge, the lower double rule 20 mm from the bottom edge. */
    static final int HEADER_DISTANCE = 1701;
    static final int FOOTER_DISTANCE = 1134;
    /** The letter format's double rules are 170 mm wide: 7 mm beyond the 版心 on each side. */
    static final int RULE_OVERHANG = 397;

    /** Who heads and copies the letter. */
    public record Letterhead(String organMark, List<String> copyTo) {
    }

    private final WorkflowConfig config;

    public ReplyLetterDocument(WorkflowConfig config) {
        this.config = config;
    }

    public byte[] write(HandlingCase c, ReplyLetter letter) {
        WorkflowConfig.Unit own = config.units().get(c.unitCode);
        Letterhead letterhead = new Letterhead(own != null && own.organMark().isPresent() ? own.organMark().get() : c.unitName,
                own != null && own.copyTo().isPresent() ? own.copyTo().get() : config.replyCopies());
        byte[] document = write(c, letter, letter.commitments, letter.contacts, letterhead);
        if (document.length > Limits.REPLY_LETTER_BYTES) {
            // the letter's parts are bounded far below this (content 20,000 characters, 50 commitments, 10 contacts);
            // the API documents it as the download's bound, so a larger document is never sent
            throw new IllegalStateException("reply letter " + letter.documentNumber + " is " + document.length + " bytes, more than "
                    + Limits.REPLY_LETTER_BYTES);
        }
        return document;
    }

    static byte[] write(HandlingCase c, ReplyLetter letter, List<CaseParts.Commitment> commitments, List<CaseParts.Contact> contacts,
            Letterhead letterhead) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            defaults(doc);
            page(doc);
            letterhead(doc, letterhead.organMark());
            pageNumbers(doc);

            // where the 份号 and 密级 go: the answer category and the disclosure, the document number on the right
            XWPFParagraph marks = doc.createParagraph();
            tabRight(marks, TEXT_WIDTH);
            run(marks, "答复类别:" + letter.category + " 类", MARK_FONT, BODY_SIZE).addTab();
            run(marks, letter.documentNumber, null, BODY_SIZE); // 发文字号: 仿宋, flush with the right edge
            XWPFParagraph disclosure = doc.createParagraph();
            run(disclosure, "公开属性:" + label(letter.disclosure), MARK_FONT, BODY_SIZE);

            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            titleSpacing(title, 2 * LINE_PITCH);
            run(title, "关于对市人大代表" + c.leadDeputyName + "第" + c.number + "号建议的答复", TITLE_FONT, TITLE_SIZE);
            XWPFParagraph addressee = doc.createParagraph();
            addressee.setSpacingBefore(LINE_PITCH);
            run(addressee, c.leadDeputyName + "代表:", null, BODY_SIZE);
            for (String paragraph : letter.content.split("\\R")) {
                if (!paragraph.isBlank()) {
                    body(doc, paragraph.strip());
                }
            }
            if (!commitments.isEmpty()) {
                body(doc, "下一步工作措施及时限:");
                int n = 1;
                for (CaseParts.Commitment commitment : commitments) {
                    body(doc, n++ + ". " + commitment.measure() + "(责任部门:" + commitment.owner() + ",完成时限:"
                            + chinese(commitment.targetDate()) + ")");
                }
            }
            body(doc, "衷心感谢您对我们工作的关心和支持。");

            String date = chinese(letter.issuedOn);
            XWPFParagraph signature = doc.createParagraph();
            signature.setAlignment(ParagraphAlignment.RIGHT);
            signature.setSpacingBefore(2 * LINE_PITCH);
            // centred over the date, which stands four characters from the right
            signature.setIndentationRight(Math.max(0, 4 * BODY_CHAR + (width(date) - width(c.unitName)) / 2));
            run(signature, c.unitName, null, BODY_SIZE);
            XWPFParagraph when = doc.createParagraph();
            when.setAlignment(ParagraphAlignment.RIGHT);
            when.setIndentationRight(4 * BODY_CHAR);
            run(when, date, null, BODY_SIZE);
            for (CaseParts.Contact contact : contacts) {
                // 附注: 居左空二字, in brackets
                XWPFParagraph note = doc.createParagraph();
                note.setIndentationFirstLine(2 * BODY_CHAR);
                run(note, "(联系人:" + contact.name() + (contact.title() == null ? "" : "(" + contact.title() + ")") + ",联系电话:"
                        + contact.phone() + ")", null, BODY_SIZE);
            }
            if (!letterhead.copyTo().isEmpty()) {
                XWPFParagraph copy = doc.createParagraph();
                copy.setSpacingBefore(2 * LINE_PITCH);
                copy.setIndentationLeft(4 * NOTE_CHAR); // one character in, and a second line under the first 机关 (after "抄送:")
                copy.setIndentationRight(NOTE_CHAR);
                copy.setIndentationHanging(3 * NOTE_CHAR);
                run(copy, "抄送:" + String.join(",", letterhead.copyTo()) + "。", null, NOTE_SIZE);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(XWPFDocument doc) {
        CTBody body = doc.getDocument().getBody();
        CTSectPr section = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        margins.setHeader(BigInteger.valueOf(HEADER_DISTANCE));
        margins.setFooter(BigInteger.valueOf(FOOTER_DISTANCE));
        margins.setGutter(BigInteger.ZERO);
        CTDocGrid grid = section.isSetDocGrid() ? section.getDocGrid() : section.addNewDocGrid();
        grid.setType(STDocGrid.LINES);
        grid.setLinePitch(BigInteger.valueOf(LINE_PITCH));
        // the letterhead is the first page's own header and footer
        if (!section.isSetTitlePg()) {
            section.addNewTitlePg();
        }
    }

    /** First page: the organ's name in red over a thick-thin red rule; 20 mm from the bottom a thin-thick red rule. */
    private static void letterhead(XWPFDocument doc, String organ) {
        XWPFHeader header = doc.createHeader(HeaderFooterType.FIRST);
        XWPFParagraph mark = header.getParagraphs().isEmpty() ? header.createParagraph() : header.getParagraphs().get(0);
        mark.setAlignment(ParagraphAlignment.CENTER);
        single(mark, 0);
        mark.setIndentationLeft(-RULE_OVERHANG);
        mark.setIndentationRight(-RULE_OVERHANG);
        int size = Math.max(TITLE_SIZE, Math.min(36, TEXT_WIDTH / 20 / Math.max(1, organ.length())));
        run(mark, organ, TITLE_FONT, size).setColor(RED);
        border(mark, false, STBorder.THICK_THIN_SMALL_GAP, 24, 4);

        XWPFFooter footer = doc.createFooter(HeaderFooterType.FIRST);
        XWPFParagraph rule = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().get(0);
        single(rule, 0);
        rule.setIndentationLeft(-RULE_OVERHANG);
        rule.setIndentationRight(-RULE_OVERHANG);
        border(rule, true, STBorder.THIN_THICK_SMALL_GAP, 24, 0);
    }

    /** From page 2, "— n —" in 四号宋体: odd pages right, even pages left, one character in. */
    private static void pageNumbers(XWPFDocument doc) {
        doc.setEvenAndOddHeadings(true);
        pageNumber(doc.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
        pageNumber(doc.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
    }

    private static void pageNumber(XWPFFooter footer, ParagraphAlignment alignment) {
        XWPFParagraph p = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().get(0);
        p.setAlignment(alignment);
        if (alignment == ParagraphAlignment.RIGHT) {
            p.setIndentationRight(NOTE_CHAR);
        } else {
            p.setIndentationLeft(NOTE_CHAR);
        }
        single(p, 0);
        run(p, "— ", "宋体", NOTE_SIZE);
        run(p, null, "宋体", NOTE_SIZE).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        run(p, null, "宋体", NOTE_SIZE).getCTR().addNewInstrText().setStringValue(" PAGE ");
        run(p, null, "宋体", NOTE_SIZE).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        run(p, "2", "宋体", NOTE_SIZE);
        run(p, null, "宋体", NOTE_SIZE).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        run(p, " —", "宋体", NOTE_SIZE);
    }

    private static void body(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setIndentationFirstLine(2 * BODY_CHAR);
        run(p, text, null, BODY_SIZE);
    }

    /** A run in the given East Asian font (null: the body's, from the defaults) and size in points. */
    private static XWPFRun run(XWPFParagraph p, String text, String font, int size) {
        XWPFRun run = p.createRun();
        if (text != null) {
            run.setText(text);
        }
        if (font == null && size == BODY_SIZE) {
            return run;
        }
        CTRPr rpr = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
        CTFonts fonts = rpr.sizeOfRFontsArray() > 0 ? rpr.getRFontsArray(0) : rpr.addNewRFonts();
        fonts.setEastAsia(font == null ? BODY_FONT : font);
        fonts.setAscii(font == null ? LATIN_FONT : font);
        fonts.setHAnsi(font == null ? LATIN_FONT : font);
        run.setFontSize(size);
        return run;
    }

    private static void tabRight(XWPFParagraph p, int position) {
        CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        CTTabStop tab = ppr.addNewTabs().addNewTab();
        tab.setVal(STTabJc.RIGHT);
        tab.setPos(BigInteger.valueOf(position));
    }

    private static void single(XWPFParagraph p, int before) {
        p.setSpacingBetween(1.0, LineSpacingRule.AUTO);
        offGrid(p);
        if (before > 0) {
            p.setSpacingBefore(before);
        }
    }

    /** Not snapped to the body's line grid: a line larger than the pitch would take two grid lines. */
    private static void offGrid(XWPFParagraph p) {
        CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        (ppr.isSetSnapToGrid() ? ppr.getSnapToGrid() : ppr.addNewSnapToGrid()).setVal(STOnOff1.OFF);
    }

    /** The title's lines (二号) at an exact 35 pt, off the body's grid. */
    private static void titleSpacing(XWPFParagraph p, int before) {
        p.setSpacingBetween(35, LineSpacingRule.EXACT);
        offGrid(p);
        if (before > 0) {
            p.setSpacingBefore(before);
        }
    }

    private static void border(XWPFParagraph p, boolean top, STBorder.Enum style, int eighths, int space) {
        CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        CTPBdr borders = ppr.isSetPBdr() ? ppr.getPBdr() : ppr.addNewPBdr();
        CTBorder border = top ? borders.addNewTop() : borders.addNewBottom();
        border.setVal(style);
        border.setSz(BigInteger.valueOf(eighths));
        border.setColor(RED);
        border.setSpace(BigInteger.valueOf(space));
    }

    /** The body's fonts, size and exact line pitch as the document's defaults. */
    private static void defaults(XWPFDocument doc) {
        CTStyles ct = CTStyles.Factory.newInstance();
        var docDefaults = ct.addNewDocDefaults();
        CTRPr rpr = docDefaults.addNewRPrDefault().addNewRPr();
        CTFonts fonts = rpr.addNewRFonts();
        fonts.setAscii(LATIN_FONT);
        fonts.setHAnsi(LATIN_FONT);
        fonts.setEastAsia(BODY_FONT);
        fonts.setCs(LATIN_FONT);
        rpr.addNewSz().setVal(BigInteger.valueOf(BODY_SIZE * 2L));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(BODY_SIZE * 2L));
        // 28 characters on a 156 mm line: 三号 (16 pt) narrowed by 0.25 pt. A character grid would do it in Word, but
        // LibreOffice and WPS space the characters of a snapped grid differently; character spacing reads the same everywhere.
        rpr.addNewSpacing().setVal(BigInteger.valueOf(CHARACTER_SPACING));
        CTSpacing spacing = docDefaults.addNewPPrDefault().addNewPPr().addNewSpacing();
        spacing.setLine(BigInteger.valueOf(LINE_PITCH));
        spacing.setLineRule(STLineSpacingRule.EXACT);
        spacing.setBefore(BigInteger.ZERO);
        spacing.setAfter(BigInteger.ZERO);
        doc.createStyles().setStyles(ct);
    }

    /** Width in twips: a full-width character is one character, an ASCII one half. */
    private static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); i++) {
            width += text.charAt(i) < 0x80 ? BODY_CHAR / 2 : BODY_CHAR;
        }
        return width;
    }

    private static String chinese(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static String label(Disclosure disclosure) {
        return switch (disclosure) {
            case PUBLIC -> "公开";
            case ON_REQUEST -> "依申请公开";
            case NOT_DISCLOSED -> "不予公开";
        };
    }
}
