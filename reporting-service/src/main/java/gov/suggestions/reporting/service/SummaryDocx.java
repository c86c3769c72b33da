package gov.suggestions.reporting.service;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STOnOff1;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTOnOff;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPBdr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

import gov.suggestions.reporting.config.DocumentConfig;
import gov.suggestions.reporting.service.AnnualSummaryService.Header;
import gov.suggestions.reporting.service.AnnualSummaryService.Part;
import gov.suggestions.reporting.service.AnnualSummaryService.Section;
import gov.suggestions.reporting.service.AnnualSummaryService.Summary;

/**
 * The summary as a Word document (Apache POI XWPF) laid out as GB/T 9704-2012 (党政机关公文格式) asks, so that
 * an office prints it as it files it: A4 with the standard margins (天头 37 mm, 订口 28 mm, 版心 156 × 225 mm),
 * 22 lines of 28 characters, the fonts by name (仿宋_GB2312 三号 body, 方正小标宋简体 二号 title, 黑体 and 楷体_GB2312
 * headings), the 版头 (the organ's mark in red, the document number, the red rule), the 附注 with the disclosure
 * mark, the 版记 between rules (抄送, 印发机关 and date) and page numbers "— n —" outside on odd and even pages.
 * The disclosure table of the published page comes first, with widths that keep the 索引号 on one line.
 * Word and WPS substitute a font the machine lacks, keeping the layout.
 * <p>
 * Over 400 lines and kept whole: it is one document's layout, whose parts (版头, body, 版记, page numbers) share the same
 * measures and run helpers, and split apart they would be read only together.
 */
public final class SummaryDocx {

    /** Style ids; Word and WPS map these names to their own heading styles. */
    public static final String TITLE = "Title";
    public static final String HEADING_1 = "Heading1";
    public static final String HEADING_2 = "Heading2";

    public static final String BODY_FONT = "仿宋_GB2312";
    public static final String TITLE_FONT = "方正小标宋简体";
    public static final String HEADING_1_FONT = "黑体";
    public static final String HEADING_2_FONT = "楷体_GB2312";
    public static final String PAGE_NUMBER_FONT = "宋体";
    /** Digits and Latin letters in the body. */
    public static final String LATIN_FONT = "Times New Roman";
    /** The red of the 版头. */
    public static final String RED = "FF0000";

    static final int BODY_SIZE = 16; // 三号
    static final int TITLE_SIZE = 22; // 二号
    static final int NOTE_SIZE = 14; // 四号: 版记 and page numbers
    static final int TABLE_SIZE = 9; // 小五: the disclosure table

    // A4 and the margins in twentieths of a point (1 mm = 56.7)
    public static final int PAGE_WIDTH = 11906;
    public static final int PAGE_HEIGHT = 16838;
    public static final int MARGIN_TOP = 2098; // 37 mm
    public static final int MARGIN_BOTTOM = 1984; // 35 mm
    public static final int MARGIN_LEFT = 1588; // 28 mm
    public static final int MARGIN_RIGHT = 1474; // 26 mm
    /** 版心 width, 156 mm. */
    public static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
    /** The page number's line sits 7 mm below the 版心. */
    static final int FOOTER = 1304;
    /** 225 mm over 22 lines: the exact line pitch of the body. */
    public static final int LINE_PITCH = 579;
    /** Narrows the 三号 characters to 28 a line (156 mm / 28 = 15.75 pt), in twentieths of a point. */
    public static final int CHARACTER_SPACING = -5;

    private static final int BODY_CHAR = BODY_SIZE * 20;
    private static final int NOTE_CHAR = NOTE_SIZE * 20;

    /** The disclosure table: label columns and value columns, 156 mm in all. */
    public static final int LABEL_WIDTH = 964; // 17 mm: four characters of 小五 and the cell's margins
    public static final int VALUE_WIDTH = (TEXT_WIDTH - 2 * LABEL_WIDTH) / 2;

    /** How the unit marks and sends its documents; empty parts are left out. */
    public record Letterhead(String organMark, String issuingOffice, List<String> copyTo) {

        /** The unit's settings, else what the disclosure header says (the publisher). */
        public static Letterhead of(DocumentConfig config, String unit, Header header) {
            DocumentConfig.UnitDocuments own = config.unit().get(unit);
            String publisher = header == null || header.publisher() == null || header.publisher().isBlank() ? null : header.publisher();
            String mark = own != null && own.organMark().isPresent() ? own.organMark().get() : publisher;
            String office = own != null && own.issuingOffice().isPresent() ? own.issuingOffice().get() : publisher;
            List<String> copyTo = own != null ? own.copyTo().orElse(List.of()) : List.of();
            return new Letterhead(mark, office, copyTo);
        }
    }

    private SummaryDocx() {
    }

    public static byte[] docx(Summary summary) {
        return docx(summary, new Letterhead(null, null, List.of()));
    }

    public static byte[] docx(Summary summary, Letterhead letterhead) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFStyles styles = doc.createStyles();
            defaults(styles);
            addStyle(styles, TITLE, "Title", null);
            addStyle(styles, HEADING_1, "heading 1", 0);
            addStyle(styles, HEADING_2, "heading 2", 1);
            page(doc);
            Header header = summary.header();
            if (header != null) {
                disclosureTable(doc, header);
            }
            boolean letterheaded = letterhead.organMark() != null;
            if (letterheaded) {
                organMark(doc, letterhead.organMark());
                documentNumber(doc, header == null ? null : header.documentNumber());
            }
            XWPFParagraph title = doc.createParagraph();
            title.setStyle(TITLE);
            title.setAlignment(ParagraphAlignment.CENTER);
            titleSpacing(title, letterheaded ? 2 * LINE_PITCH : 0); // 红色分隔线下空二行
            run(title, summary.title(), TITLE_FONT, TITLE_SIZE);
            XWPFParagraph addressee = doc.createParagraph();
            addressee.setSpacingBefore(LINE_PITCH); // 标题下空一行, 居左顶格
            run(addressee, summary.addressee() + ":", null, BODY_SIZE);
            body(doc, summary.opening());
            for (Section section : summary.sections()) {
                heading(doc, HEADING_1, section.heading(), HEADING_1_FONT);
                for (Part part : section.parts()) {
                    switch (part.kind()) {
                        case SUBHEADING -> heading(doc, HEADING_2, part.text(), HEADING_2_FONT);
                        case PARAGRAPH -> body(doc, part.text());
                        case CHART -> chart(doc, part);
                    }
                }
            }
            body(doc, summary.closing());
            signatureAndDate(doc, summary.signature(), summary.date());
            if (header != null) {
                // 附注: 居左空二字, in brackets, under the date
                XWPFParagraph note = doc.createParagraph();
                note.setIndentationFirstLine(2 * BODY_CHAR);
                run(note, "(此件公开发布)", null, BODY_SIZE);
            }
            imprint(doc, letterhead, header, summary.date());
            pageNumbers(doc);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A4, the margins, 22 lines of 28 characters, page numbers 7 mm below the 版心. */
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
        margins.setHeader(BigInteger.valueOf(851));
        margins.setFooter(BigInteger.valueOf(FOOTER));
        margins.setGutter(BigInteger.ZERO);
        CTDocGrid grid = section.isSetDocGrid() ? section.getDocGrid() : section.addNewDocGrid();
        grid.setType(STDocGrid.LINES);
        grid.setLinePitch(BigInteger.valueOf(LINE_PITCH));
    }

    /** The published page's disclosure header: fixed widths, 小五, so the 索引号 stays on one line. */
    private static void disclosureTable(XWPFDocument doc, Header header) {
        List<String[]> fields = SummaryRenderer.headerFields(header);
        XWPFTable table = doc.createTable(fields.size() / 2, 4);
        CTTblPr properties = table.getCTTbl().getTblPr() != null ? table.getCTTbl().getTblPr() : table.getCTTbl().addNewTblPr();
        (properties.isSetTblLayout() ? properties.getTblLayout() : properties.addNewTblLayout()).setType(STTblLayoutType.FIXED);
        var tableWidth = properties.isSetTblW() ? properties.getTblW() : properties.addNewTblW();
        tableWidth.setW(BigInteger.valueOf(TEXT_WIDTH));
        tableWidth.setType(STTblWidth.DXA);
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int width : new int[] { LABEL_WIDTH, VALUE_WIDTH, LABEL_WIDTH, VALUE_WIDTH }) {
            grid.addNewGridCol().setW(BigInteger.valueOf(width));
        }
        for (int i = 0; i < fields.size(); i += 2) {
            XWPFTableRow row = table.getRow(i / 2);
            cell(row.getCell(0), fields.get(i)[0], LABEL_WIDTH);
            cell(row.getCell(1), fields.get(i)[1], VALUE_WIDTH);
            cell(row.getCell(2), fields.get(i + 1)[0], LABEL_WIDTH);
            cell(row.getCell(3), fields.get(i + 1)[1], VALUE_WIDTH);
        }
    }

    private static void cell(XWPFTableCell cell, String text, int width) {
        var tcPr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        var cellWidth = tcPr.isSetTcW() ? tcPr.getTcW() : tcPr.addNewTcW();
        cellWidth.setW(BigInteger.valueOf(width));
        cellWidth.setType(STTblWidth.DXA);
        XWPFParagraph p = cell.getParagraphs().get(0);
        autoSpacing(p, 0);
        run(p, text, null, TABLE_SIZE);
    }

    /** 发文机关标志: red, 小标宋, centred, its top 35 mm below the 版心's; as large as fits on one line, at most 初号. */
    private static void organMark(XWPFDocument doc, String mark) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        autoSpacing(p, 1984);
        int size = Math.max(TITLE_SIZE, Math.min(42, TEXT_WIDTH / 20 / Math.max(1, mark.length())));
        XWPFRun run = run(p, mark, TITLE_FONT, size);
        run.setColor(RED);
    }

    /** 发文字号 two lines under the mark, centred; the red rule 4 mm under it, as wide as the 版心. */
    private static void documentNumber(XWPFDocument doc, String number) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingBefore(2 * LINE_PITCH);
        run(p, number == null ? "" : number, null, BODY_SIZE);
        border(p, false, 18, RED, 11); // 2.25 pt, 4 mm (11 pt) below the text
    }

    private static void heading(XWPFDocument doc, String style, String text, String font) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(style);
        p.setIndentationFirstLine(2 * BODY_CHAR);
        run(p, text, font, BODY_SIZE);
    }

    private static void body(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setIndentationFirstLine(2 * BODY_CHAR);
        run(p, text, null, BODY_SIZE);
    }

    /** 成文日期 右空四字; the signature centred over it. */
    private static void signatureAndDate(XWPFDocument doc, String signature, String date) {
        int dateWidth = date == null ? 0 : width(date, BODY_CHAR);
        XWPFParagraph sign = doc.createParagraph();
        sign.setAlignment(ParagraphAlignment.RIGHT);
        sign.setSpacingBefore(2 * LINE_PITCH);
        sign.setIndentationRight(Math.max(0, 4 * BODY_CHAR + (dateWidth - width(signature, BODY_CHAR)) / 2));
        run(sign, signature, null, BODY_SIZE);
        if (date != null) {
            XWPFParagraph when = doc.createParagraph();
            when.setAlignment(ParagraphAlignment.RIGHT);
            when.setIndentationRight(4 * BODY_CHAR);
            run(when, date, null, BODY_SIZE);
        }
    }

    /** 版记 at the end: 抄送 and 印发机关 with the date, 四号, between a thick rule, a thin one between them, and a thick one. */
    private static void imprint(XWPFDocument doc, Letterhead letterhead, Header header, String summaryDate) {
        if (letterhead.issuingOffice() == null && letterhead.copyTo().isEmpty()) {
            return;
        }
        XWPFParagraph spacer = doc.createParagraph();
        spacer.setSpacingBefore(2 * LINE_PITCH);
        boolean first = true;
        if (!letterhead.copyTo().isEmpty()) {
            XWPFParagraph copy = doc.createParagraph();
            copy.setIndentationLeft(4 * NOTE_CHAR); // one character in, and a second line under the first 机关 (after "抄送:")
            copy.setIndentationRight(NOTE_CHAR);
            copy.setIndentationHanging(3 * NOTE_CHAR);
            border(copy, true, 8, "000000", 0); // 0.35 mm
            run(copy, "抄送:" + String.join(",", letterhead.copyTo()) + "。", null, NOTE_SIZE);
            first = false;
        }
        XWPFParagraph issued = doc.createParagraph();
        issued.setIndentationLeft(NOTE_CHAR);
        issued.setIndentationRight(NOTE_CHAR);
        CTTabStop right = (issued.getCTP().isSetPPr() ? issued.getCTP().getPPr() : issued.getCTP().addNewPPr()).addNewTabs().addNewTab();
        right.setVal(STTabJc.RIGHT);
        right.setPos(BigInteger.valueOf(TEXT_WIDTH - 2 * NOTE_CHAR));
        border(issued, true, first ? 8 : 6, "000000", 0); // the first rule thick, one between 抄送 and 印发 thin
        border(issued, false, 8, "000000", 0);
        XWPFRun office = run(issued, letterhead.issuingOffice() == null ? "" : letterhead.issuingOffice(), null, NOTE_SIZE);
        office.addTab();
        String printed = printedOn(header, summaryDate);
        if (printed != null) {
            office.setText(printed + "印发");
        }
    }

    /** 印发日期: the publication date, else the date the document was written, as 2021年1月5日. */
    private static String printedOn(Header header, String summaryDate) {
        LocalDate date = header == null ? null : header.publishedOn() != null ? header.publishedOn() : header.writtenOn();
        if (date != null) {
            return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
        }
        return summaryDate;
    }

    /** "— n —" in 四号宋体: odd pages right with one character's space, even pages left. */
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
        autoSpacing(p, 0);
        run(p, "— ", PAGE_NUMBER_FONT, NOTE_SIZE);
        run(p, null, PAGE_NUMBER_FONT, NOTE_SIZE).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        run(p, null, PAGE_NUMBER_FONT, NOTE_SIZE).getCTR().addNewInstrText().setStringValue(" PAGE ");
        run(p, null, PAGE_NUMBER_FONT, NOTE_SIZE).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        run(p, "1", PAGE_NUMBER_FONT, NOTE_SIZE);
        run(p, null, PAGE_NUMBER_FONT, NOTE_SIZE).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        run(p, " —", PAGE_NUMBER_FONT, NOTE_SIZE);
    }

    private static void chart(XWPFDocument doc, Part part) {
        SummaryCharts.Drawn<byte[]> png = SummaryCharts.png(part.chart());
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        autoSpacing(p, 0); // a picture in an exactly spaced line would be cut to the line's height
        try {
            p.createRun().addPicture(new ByteArrayInputStream(png.image()), PictureType.PNG, part.chart().id() + ".png",
                    Units.pixelToEMU(SummaryCharts.WIDTH * 3 / 4), Units.pixelToEMU(SummaryCharts.HEIGHT * 3 / 4));
        } catch (InvalidFormatException | IOException e) {
            throw new IllegalStateException(e);
        }
        XWPFParagraph caption = doc.createParagraph();
        caption.setAlignment(ParagraphAlignment.CENTER);
        String key = png.key().isEmpty() ? "" : "(" + String.join(";", png.key()) + ")";
        run(caption, "图:" + part.text() + key, null, 12);
    }

    /** A run in the given East Asian font (null: the body's, from the defaults) and size in points. */
    private static XWPFRun run(XWPFParagraph p, String text, String font, int size) {
        XWPFRun run = p.createRun();
        if (text != null) {
            run.setText(text);
        }
        if (font == null && size == BODY_SIZE) {
            return run; // the document's default run properties: thousands of body runs need no properties of their own
        }
        CTRPr rpr = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
        CTFonts fonts = rpr.sizeOfRFontsArray() > 0 ? rpr.getRFontsArray(0) : rpr.addNewRFonts();
        String eastAsia = font == null ? BODY_FONT : font;
        fonts.setEastAsia(eastAsia);
        fonts.setAscii(font == null ? LATIN_FONT : font);
        fonts.setHAnsi(font == null ? LATIN_FONT : font);
        run.setFontSize(size);
        return run;
    }

    /** Width of a text in twips: full-width characters one character, ASCII half. */
    private static int width(String text, int charWidth) {
        int width = 0;
        for (int i = 0; i < text.length(); i++) {
            width += text.charAt(i) < 0x80 ? charWidth / 2 : charWidth;
        }
        return width;
    }

    /** Single (auto) line spacing, for lines that are not the body's exact 28.95 pt: pictures, the table, the mark. */
    private static void autoSpacing(XWPFParagraph p, int before) {
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

    /** A rule above (top) or below the paragraph: width in eighths of a point, space in points. */
    private static void border(XWPFParagraph p, boolean top, int eighths, String color, int space) {
        CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        CTPBdr borders = ppr.isSetPBdr() ? ppr.getPBdr() : ppr.addNewPBdr();
        CTBorder border = top ? borders.addNewTop() : borders.addNewBottom();
        border.setVal(STBorder.SINGLE);
        border.setSz(BigInteger.valueOf(eighths));
        border.setColor(color);
        border.setSpace(BigInteger.valueOf(space));
    }

    /**
     * The body's font (仿宋_GB2312, Times New Roman for Latin and digits), size and exact line pitch as the document's
     * defaults (docDefaults), so a body run or paragraph carries none of its own.
     */
    private static void defaults(XWPFStyles styles) {
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
        styles.setStyles(ct);
    }

    private static void addStyle(XWPFStyles styles, String id, String name, Integer outlineLevel) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId(id);
        CTString styleName = CTString.Factory.newInstance();
        styleName.setVal(name);
        ct.setName(styleName);
        ct.setQFormat(CTOnOff.Factory.newInstance());
        if (outlineLevel != null) {
            CTPPrGeneral ppr = CTPPrGeneral.Factory.newInstance();
            CTDecimalNumber level = CTDecimalNumber.Factory.newInstance();
            level.setVal(BigInteger.valueOf(outlineLevel));
            ppr.setOutlineLvl(level);
            ct.setPPr(ppr);
        }
        XWPFStyle style = new XWPFStyle(ct);
        style.setType(STStyleType.PARAGRAPH);
        styles.addStyle(style);
    }
}
