package gov.suggestions.reporting.rest;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import gov.suggestions.reporting.service.LedgerService;
import gov.suggestions.reporting.domain.Text;
import gov.suggestions.reporting.service.TooLargeException;

/** The ledger as an .xlsx sheet, streamed (SXSSF keeps only a window of rows in memory). */
final class LedgerSpreadsheet {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final List<String> HEADERS = List.of("建议号", "标题", "提出人", "届次", "年度", "主题", "督办级别", "交办日期",
            "承办单位", "办理方式", "状态", "办理期限", "答复/反馈日期", "是否按时", "答复类别", "代表评价", "沟通次数", "重新办理",
            "答复告知代表时间", "通知失败次数");

    private static final Map<String, String> ROLES = Map.of("SOLE", "承办", "LEAD", "主办", "SEPARATE", "分办", "JOINT", "汇办");
    private static final Map<String, String> EVALUATIONS = Map.of("SATISFIED", "满意", "BASICALLY_SATISFIED", "基本满意",
            "UNSATISFIED", "不满意");

    private LedgerSpreadsheet() {
    }

    /**
     * The workbook written to a temporary file of at most {@code maxBytes} bytes, which the caller sends and deletes; a
     * larger one is refused (400 too-large) as soon as it passes the limit, and its file is deleted.
     */
    static Path writeCapped(List<LedgerService.Row> rows, long maxBytes) {
        Path file = null;
        CappedOutputStream capped = null;
        try {
            file = Files.createTempFile("ledger-", ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                capped = new CappedOutputStream(new BufferedOutputStream(out, 64 * 1024), maxBytes);
                write(rows, capped);
                capped.flush();
            }
            return file;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            if (capped != null && capped.exceeded()) {
                throw new TooLargeException("too-large", Text.of("导出文件过大", "The export is too large"),
                        Text.of("导出文件超过 " + maxBytes + " 字节,请缩小筛选范围", "The workbook exceeds " + maxBytes + " bytes; narrow the filters"));
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is removed with the container's temporary directory
            }
        }
    }

    /** Passes bytes on until {@code max} have passed, then fails every further write. */
    static final class CappedOutputStream extends FilterOutputStream {

        private final long max;
        private long written;
        private boolean exceeded;

        CappedOutputStream(OutputStream out, long max) {
            super(out);
            this.max = max;
        }

        @Override
        public void write(int b) throws IOException {
            count(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count(len);
            out.write(b, off, len);
        }

        private void count(int bytes) throws IOException {
            if (exceeded || written + bytes > max) {
                exceeded = true;
                throw new IOException("more than " + max + " bytes");
            }
            written += bytes;
        }

        boolean exceeded() {
            return exceeded;
        }
    }

    static void write(List<LedgerService.Row> rows, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(500);
        try {
            Sheet sheet = workbook.createSheet("台账");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(HEADERS.get(i));
                cell.setCellStyle(bold);
            }
            int r = 1;
            for (LedgerService.Row row : rows) {
                Row line = sheet.createRow(r++);
                boolean joint = "JOINT".equals(row.role());
                String[] values = {
                    row.number(), row.title(), row.proposer(),
                    row.term() == null ? null : row.term() + "届" + (row.session() == null ? "" : row.session() + "次"),
                    row.year() == null ? null : row.year().toString(), row.topics(), row.supervisionLevel(),
                    text(row.assignedOn()), row.unitName() != null ? row.unitName() : row.unitCode(),
                    row.role() == null ? null : ROLES.getOrDefault(row.role(), row.role()),
                    row.withdrawn() ? "WITHDRAWN" : row.state(), text(row.dueOn()),
                    text(joint ? row.opinionSentOn() : row.repliedOn()),
                    yesNo(joint ? row.opinionOnTime() : row.replyOnTime()), row.resultCategory(),
                    row.evaluation() == null ? null : EVALUATIONS.getOrDefault(row.evaluation(), row.evaluation()),
                    row.caseId() == null ? null : Integer.toString(row.communications()),
                    row.caseId() == null ? null : row.rehandled() ? "是" : "否",
                    row.deputyNotifiedOfReplyAt() == null ? null : row.deputyNotifiedOfReplyAt().toLocalDateTime().toString().replace('T', ' '),
                    row.failedNotices() == 0 ? null : Integer.toString(row.failedNotices()) };
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != null) {
                        line.createCell(i).setCellValue(values[i]);
                    }
                }
            }
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String yesNo(Boolean value) {
        return value == null ? null : value ? "是" : "否";
    }
}
