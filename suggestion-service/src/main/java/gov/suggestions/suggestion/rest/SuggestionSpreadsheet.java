package gov.suggestions.suggestion.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import gov.suggestions.suggestion.domain.Limits;
import gov.suggestions.suggestion.domain.Priority;
import gov.suggestions.suggestion.domain.SuggestionKind;
import gov.suggestions.suggestion.domain.SupervisionLevel;

/**
 * The spreadsheet a congress office keeps, one suggestion per row below a header row (first sheet). Columns, in
 * this order: see {@link #COLUMNS}. Co-signers are written {@code id:name:delegation} separated by {@code ;};
 * topics are separated by {@code ;} or {@code 、}.
 */
final class SuggestionSpreadsheet {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final List<String> COLUMNS = List.of(
            "编号 number", "类别 kind (建议/提案)", "标题 title", "正文 body", "领衔代表编号 lead deputy id", "领衔代表姓名 lead deputy name",
            "代表团 delegation", "附议代表 co-signers (id:姓名:代表团;…)", "主题词 topics (;)", "分类 subject category", "届 term",
            "次会议 session", "年度 year", "提交日期 submitted on", "督办级别 supervision level", "优先级 priority");

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private SuggestionSpreadsheet() {
    }

    /** A row read from the sheet: the request it makes, or why it could not be read. */
    record SheetRow(int rowNumber, String number, RegisterSuggestionRequest request, String problem) {
    }

    static byte[] template() {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("建议");
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(COLUMNS.get(i));
                sheet.setColumnWidth(i, 20 * 256);
            }
            List<String> example = List.of("20200055", "建议", "关于加快推进政务数据共享的建议", "建议进一步打通部门间数据壁垒……", "D-0117", "王某某",
                    "福田代表团", "D-0200:李某某:南山代表团", "数字政府;政务数据共享", "政务服务", "6", "8", "2020", "2020-05-10", "ORDINARY", "ORDINARY");
            Row row = sheet.createRow(1);
            for (int i = 0; i < example.size(); i++) {
                row.createCell(i).setCellValue(example.get(i));
            }
            workbook.write(out);
            if (out.size() > Limits.TEMPLATE_BYTES) {
                // the API documents the template's size; a template grown beyond it must change the document first
                throw new IllegalStateException("the template has " + out.size() + " bytes, more than " + Limits.TEMPLATE_BYTES);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the template", e);
        }
    }

    /** Reads every non-empty row below the header; a row that cannot be read carries its problem instead. */
    static List<SheetRow> read(InputStream in, String congressBody, int maxRows) throws IOException {
        List<SheetRow> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            if (sheet.getLastRowNum() >= Limits.SHEET_ROWS) {
                throw new IOException("rows beyond the .xlsx limit of " + Limits.SHEET_ROWS);
            }
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || isBlank(row, formatter)) {
                    continue;
                }
                if (rows.size() == maxRows) {
                    throw new IllegalArgumentException("more than " + maxRows + " rows");
                }
                rows.add(readRow(row, r + 1, congressBody, formatter));
            }
        }
        return rows;
    }

    private static SheetRow readRow(Row row, int rowNumber, String congressBody, DataFormatter formatter) {
        String number = text(row, 0, formatter);
        try {
            RegisterSuggestionRequest request = new RegisterSuggestionRequest(congressBody, number, kind(text(row, 1, formatter)),
                    text(row, 2, formatter), text(row, 3, formatter),
                    new DeputyReference(text(row, 4, formatter), text(row, 5, formatter), text(row, 6, formatter)),
                    integer(row, 10, formatter, "term"), integer(row, 11, formatter, "session"), integer(row, 12, formatter, "year"),
                    date(row.getCell(13), formatter), topics(text(row, 8, formatter)), text(row, 9, formatter),
                    coSigners(text(row, 7, formatter)), level(text(row, 14, formatter)), priority(text(row, 15, formatter)));
            return new SheetRow(rowNumber, number, request, null);
        } catch (IllegalArgumentException e) {
            return new SheetRow(rowNumber, number, null, e.getMessage());
        }
    }

    private static boolean isBlank(Row row, DataFormatter formatter) {
        for (int c = 0; c < COLUMNS.size(); c++) {
            if (text(row, c, formatter) != null) {
                return false;
            }
        }
        return true;
    }

    private static String text(Row row, int column, DataFormatter formatter) {
        Cell cell = row.getCell(column);
        if (cell == null) {
            return null;
        }
        String value = formatter.formatCellValue(cell).trim();
        return value.isEmpty() ? null : value;
    }

    private static SuggestionKind kind(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "建议", "SUGGESTION" -> SuggestionKind.SUGGESTION;
            case "提案", "PROPOSAL" -> SuggestionKind.PROPOSAL;
            default -> throw new IllegalArgumentException("kind: 类别须为 建议 或 提案 (" + value + ")");
        };
    }

    private static Integer integer(Row row, int column, DataFormatter formatter, String field) {
        String value = text(row, column, formatter);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": 须为整数 (" + value + ")");
        }
    }

    private static LocalDate date(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate();
        }
        String value = formatter.formatCellValue(cell).trim();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("submittedOn: 日期须为 yyyy-MM-dd (" + value + ")");
        }
    }

    private static List<String> topics(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(value.split("[;；、]")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    private static List<DeputyReference> coSigners(String value) {
        if (value == null) {
            return null;
        }
        List<DeputyReference> deputies = new ArrayList<>();
        for (String part : value.split("[;；]")) {
            if (part.isBlank()) {
                continue;
            }
            String[] fields = part.trim().split("[:：]", -1);
            if (fields.length < 2) {
                throw new IllegalArgumentException("coSigners: 附议代表须写作 编号:姓名:代表团 (" + part.trim() + ")");
            }
            deputies.add(new DeputyReference(fields[0].trim(), fields[1].trim(), fields.length > 2 && !fields[2].isBlank() ? fields[2].trim() : null));
        }
        return deputies;
    }

    private static SupervisionLevel level(String value) {
        try {
            return value == null ? null : SupervisionLevel.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("supervisionLevel: 须为 ORDINARY、STANDING_COMMITTEE_KEY 或 GOVERNMENT_KEY (" + value + ")");
        }
    }

    private static Priority priority(String value) {
        try {
            return value == null ? null : Priority.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("priority: 须为 KEY、HOT、DIFFICULT 或 ORDINARY (" + value + ")");
        }
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
