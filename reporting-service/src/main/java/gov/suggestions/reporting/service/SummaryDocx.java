package gov.suggestions.reporting.service;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTOnOff;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

import gov.suggestions.reporting.service.AnnualSummaryService.Part;
import gov.suggestions.reporting.service.AnnualSummaryService.Section;
import gov.suggestions.reporting.service.AnnualSummaryService.Summary;

/**
 * The summary as a Word document (Apache POI XWPF), kept plain so Word and WPS both open it: the header
 * as a table, a title, Heading 1/2 for the sections, body paragraphs indented two characters on the first
 * line, charts as PNG pictures.
 */
public final class SummaryDocx {

    /** Style ids; Word and WPS map these names to their own heading styles. */
    public static final String TITLE = "Title";
    public static final String HEADING_1 = "Heading1";
    public static final String HEADING_2 = "Heading2";

    private static final String BODY_FONT = "仿宋";
    private static final String HEADING_FONT = "黑体";
    private static final int BODY_SIZE = 16; // 三号
    /** Two characters of the body font, in twentieths of a point. */
    private static final int FIRST_LINE_INDENT = 2 * BODY_SIZE * 20;

    private SummaryDocx() {
    }

    public static byte[] docx(Summary summary) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFStyles styles = doc.createStyles();
            bodyRunDefaults(styles);
            addStyle(styles, TITLE, "Title", null);
            addStyle(styles, HEADING_1, "heading 1", 0);
            addStyle(styles, HEADING_2, "heading 2", 1);
            if (summary.header() != null) {
                List<String[]> fields = SummaryRenderer.headerFields(summary.header());
                XWPFTable table = doc.createTable(fields.size() / 2, 4);
                for (int i = 0; i < fields.size(); i += 2) {
                    XWPFTableRow row = table.getRow(i / 2);
                    row.getCell(0).setText(fields.get(i)[0]);
                    row.getCell(1).setText(fields.get(i)[1]);
                    row.getCell(2).setText(fields.get(i + 1)[0]);
                    row.getCell(3).setText(fields.get(i + 1)[1]);
                }
            }
            XWPFParagraph title = doc.createParagraph();
            title.setStyle(TITLE);
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, summary.title(), "宋体", 22, true);
            XWPFParagraph addressee = doc.createParagraph();
            run(addressee, summary.addressee() + ":", BODY_FONT, BODY_SIZE, false);
            body(doc, summary.opening());
            for (Section section : summary.sections()) {
                heading(doc, HEADING_1, section.heading(), HEADING_FONT);
                for (Part part : section.parts()) {
                    switch (part.kind()) {
                        case SUBHEADING -> heading(doc, HEADING_2, part.text(), "楷体");
                        case PARAGRAPH -> body(doc, part.text());
                        case CHART -> chart(doc, part);
                    }
                }
            }
            body(doc, summary.closing());
            XWPFParagraph signature = doc.createParagraph();
            signature.setAlignment(ParagraphAlignment.RIGHT);
            run(signature, summary.signature(), BODY_FONT, BODY_SIZE, false);
            if (summary.date() != null) {
                XWPFParagraph date = doc.createParagraph();
                date.setAlignment(ParagraphAlignment.RIGHT);
                run(date, summary.date(), BODY_FONT, BODY_SIZE, false);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void heading(XWPFDocument doc, String style, String text, String font) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(style);
        p.setIndentationFirstLine(FIRST_LINE_INDENT);
        run(p, text, font, BODY_SIZE, false);
    }

    private static void body(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setIndentationFirstLine(FIRST_LINE_INDENT);
        run(p, text, BODY_FONT, BODY_SIZE, false);
    }

    private static void chart(XWPFDocument doc, Part part) {
        SummaryCharts.Drawn<byte[]> png = SummaryCharts.png(part.chart());
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        try {
            p.createRun().addPicture(new ByteArrayInputStream(png.image()), PictureType.PNG, part.chart().id() + ".png",
                    Units.pixelToEMU(SummaryCharts.WIDTH * 3 / 4), Units.pixelToEMU(SummaryCharts.HEIGHT * 3 / 4));
        } catch (InvalidFormatException | IOException e) {
            throw new IllegalStateException(e);
        }
        XWPFParagraph caption = doc.createParagraph();
        caption.setAlignment(ParagraphAlignment.CENTER);
        String key = png.key().isEmpty() ? "" : "(" + String.join(";", png.key()) + ")";
        run(caption, "图:" + part.text() + key, BODY_FONT, 12, false);
    }

    private static void run(XWPFParagraph p, String text, String font, int size, boolean bold) {
        XWPFRun run = p.createRun();
        run.setText(text);
        if (font.equals(BODY_FONT) && size == BODY_SIZE && !bold) {
            return; // the document's default run properties: thousands of body runs need no properties of their own
        }
        run.setFontFamily(font);
        run.setFontSize(size);
        if (bold) {
            run.setBold(true);
        }
    }

    /** The body's font and size as the document's defaults (docDefaults), so a body run carries none of its own. */
    private static void bodyRunDefaults(XWPFStyles styles) {
        CTStyles ct = CTStyles.Factory.newInstance();
        CTRPr rpr = ct.addNewDocDefaults().addNewRPrDefault().addNewRPr();
        CTFonts fonts = rpr.addNewRFonts();
        fonts.setAscii(BODY_FONT);
        fonts.setHAnsi(BODY_FONT);
        fonts.setEastAsia(BODY_FONT);
        fonts.setCs(BODY_FONT);
        rpr.addNewSz().setVal(BigInteger.valueOf(BODY_SIZE * 2L));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(BODY_SIZE * 2L));
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
