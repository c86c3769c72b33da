package gov.suggestions.reporting.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import gov.suggestions.reporting.service.LedgerService;
import gov.suggestions.reporting.service.Limits;
import gov.suggestions.reporting.service.SummarySections;
import gov.suggestions.reporting.service.TooLargeException;

/** The lengths the document gives next to a pattern are the pattern's own, and the export's byte limit holds. */
class DocumentedLimitsTest {

    @Test
    void eachMaxLengthIsTheLongestValueItsPatternAdmits() {
        assertEquals(StatisticsResource.ROLE_LENGTH, longest(StatisticsResource.ROLE));
        assertEquals(StatisticsResource.SUPERVISION_LEVEL_LENGTH, longest(StatisticsResource.SUPERVISION_LEVEL));
        assertEquals(StatisticsResource.GROUP_BY_LENGTH, longest(StatisticsResource.GROUP_BY));
        assertEquals(LedgerResource.STATE_LENGTH, longest(LedgerResource.STATE));
        assertEquals(LedgerResource.EVALUATION_LENGTH, longest(LedgerResource.EVALUATION));
        assertEquals(5, longest(LedgerResource.BOOLEAN));
        assertTrue("u".repeat(Limits.CODE).matches(StatisticsResource.CODE));
        assertTrue(!"u".repeat(Limits.CODE + 1).matches(StatisticsResource.CODE));
        assertTrue("1".repeat(Limits.NUMBER).matches(LedgerResource.NUMBER));
        assertTrue(!"1".repeat(Limits.NUMBER + 1).matches(LedgerResource.NUMBER));
        assertTrue(SummarySections.known(SummarySections.CONVERSION_PREFIX + "1".repeat(40)));
        assertEquals(SummarySections.KEY_LENGTH, (SummarySections.CONVERSION_PREFIX + "1".repeat(40)).length());
        assertTrue(!SummarySections.known(SummarySections.CONVERSION_PREFIX + "1".repeat(41)));
        assertEquals(ReadModelRebuildResource.LOCATION_LENGTH, (ReadModelRebuildResource.PATH + "/" + UUID.randomUUID()).length());
    }

    @Test
    void anExportOverItsByteLimitIsRefusedAndLeavesNoFile() throws IOException {
        List<LedgerService.Row> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(new LedgerService.Row(UUID.randomUUID(), "2020" + i, "关于第" + i + "项工作的建议", "shenzhen-npc", 2020, 6, 8, "王某某",
                    "数据", "ORDINARY", LocalDate.parse("2020-05-20"), false, UUID.randomUUID(), "sz-zsj", "深圳市政务服务数据管理局", "LEAD",
                    "REPLIED", LocalDate.parse("2020-08-20"), LocalDate.parse("2020-08-01"), true, null, null, "A", "SATISFIED", 2, false,
                    null, 0));
        }
        Path whole = LedgerSpreadsheet.writeCapped(rows, Limits.EXPORT_BYTES);
        try {
            long size = Files.size(whole);
            try (ZipFile workbook = new ZipFile(whole.toFile())) {
                assertTrue(workbook.getEntry("xl/worksheets/sheet1.xml") != null);
            }
            long before = temporaryLedgers();
            TooLargeException refused = assertThrows(TooLargeException.class, () -> LedgerSpreadsheet.writeCapped(rows, size - 1));
            assertEquals("too-large", refused.slug());
            assertEquals(before, temporaryLedgers(), "the refused workbook's file is deleted");
            Files.delete(LedgerSpreadsheet.writeCapped(rows, size + 4096));
        } finally {
            Files.deleteIfExists(whole);
        }
    }

    private static int longest(String alternatives) {
        return Arrays.stream(alternatives.split("\\|")).mapToInt(String::length).max().orElseThrow();
    }

    private static long temporaryLedgers() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("ledger-")).count();
        }
    }
}
