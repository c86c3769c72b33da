package gov.suggestions.workflow.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

import gov.suggestions.workflow.config.WorkflowConfig;
import gov.suggestions.workflow.domain.Disclosure;
import gov.suggestions.workflow.domain.HandlingCase;
import gov.suggestions.workflow.domain.ReplyLetter;
import gov.suggestions.workflow.domain.ResultCategory;

/** The formal reply letter (答复函) as .docx, the document the unit office edits, signs and sends. */
@ApplicationScoped
public class ReplyLetterDocument {

    private static final String FONT = "仿宋_GB2312";

    private final Json json;
    private final WorkflowConfig config;

    public ReplyLetterDocument(Json json, WorkflowConfig config) {
        this.json = json;
        this.config = config;
    }

    public byte[] write(HandlingCase c, ReplyLetter letter) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            line(doc, ParagraphAlignment.LEFT, false, "答复类别:" + letter.category + " 类(" + label(letter.category) + ")");
            line(doc, ParagraphAlignment.LEFT, false, "公开属性:" + label(letter.disclosure));
            line(doc, ParagraphAlignment.CENTER, true, c.unitName);
            line(doc, ParagraphAlignment.RIGHT, false, letter.documentNumber);
            line(doc, ParagraphAlignment.CENTER, true, "关于对市人大代表" + c.leadDeputyName + "第" + c.number + "号建议的答复");
            line(doc, ParagraphAlignment.LEFT, false, c.leadDeputyName + "代表:");
            for (String paragraph : letter.content.split("\\R")) {
                if (!paragraph.isBlank()) {
                    line(doc, ParagraphAlignment.LEFT, false, "    " + paragraph.strip());
                }
            }
            List<CaseParts.Commitment> commitments = json.list(letter.commitments, CaseParts.Commitment.class);
            if (!commitments.isEmpty()) {
                line(doc, ParagraphAlignment.LEFT, false, "    下一步工作措施及时限:");
                int n = 1;
                for (CaseParts.Commitment commitment : commitments) {
                    line(doc, ParagraphAlignment.LEFT, false, "    " + n++ + ". " + commitment.measure() + "(责任部门:" + commitment.owner()
                            + ",完成时限:" + chinese(commitment.targetDate()) + ")");
                }
            }
            line(doc, ParagraphAlignment.LEFT, false, "    衷心感谢您对我们工作的关心和支持。");
            for (CaseParts.Contact contact : json.list(letter.contacts, CaseParts.Contact.class)) {
                line(doc, ParagraphAlignment.LEFT, false, "    联系人:" + contact.name()
                        + (contact.title() == null ? "" : "(" + contact.title() + ")") + ",联系电话:" + contact.phone());
            }
            line(doc, ParagraphAlignment.RIGHT, false, c.unitName);
            line(doc, ParagraphAlignment.RIGHT, false, chinese(letter.issuedOn));
            line(doc, ParagraphAlignment.LEFT, false, "抄送:" + String.join(",", config.replyCopies()) + "。");
            doc.write(out);
            if (out.size() > Limits.REPLY_LETTER_BYTES) {
                // the letter's parts are bounded far below this (content 20,000 characters, 50 commitments, 10 contacts);
                // the API documents it as the download's bound, so a larger document is never sent
                throw new IllegalStateException("reply letter " + letter.documentNumber + " is " + out.size() + " bytes, more than "
                        + Limits.REPLY_LETTER_BYTES);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(XWPFDocument doc, ParagraphAlignment alignment, boolean bold, String text) {
        XWPFParagraph paragraph = doc.createParagraph();
        paragraph.setAlignment(alignment);
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(bold ? 18 : 16);
        run.setBold(bold);
        run.setText(text);
    }

    private static String chinese(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static String label(ResultCategory category) {
        return switch (category) {
            case A -> "所提问题已经解决或采纳";
            case B -> "正在解决或列入计划逐步解决";
            case C -> "因条件限制需以后解决";
            case D -> "留作参考";
        };
    }

    private static String label(Disclosure disclosure) {
        return switch (disclosure) {
            case PUBLIC -> "公开";
            case ON_REQUEST -> "依申请公开";
            case NOT_DISCLOSED -> "不予公开";
        };
    }
}
