package gov.suggestions.suggestion.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import gov.suggestions.suggestion.event.SuggestionAssignedV1.Deputy;
import gov.suggestions.suggestion.event.SuggestionAssignedV1.Unit;
import gov.suggestions.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Pins suggestion.assigned.v1 and suggestion.reassigned.v1 to the shapes catalogued in deploy/docs/EVENTS.md. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class AssignmentEventsGoldenTest {

    private static final UUID ID = UUID.fromString("0b5d1f0e-6a43-4c55-9d2e-1c9f3a7b8e21");
    private static final Deputy LEAD = new Deputy("D-0117", "王某某", "福田代表团");
    private static final List<Deputy> CO_SIGNERS = List.of(new Deputy("D-0200", "李某某", "南山代表团"));
    private static final Unit ZSJ = new Unit("sz-zsj", "深圳市政务服务数据管理局", "LEAD", LocalDate.of(2020, 8, 20), null);

    @Inject
    ObjectMapper objectMapper;

    @Test
    void assignedMatchesTheGoldenFile() throws IOException {
        assertGolden("suggestion.assigned.v1", new SuggestionAssignedV1(ID, "shenzhen-npc", "20200055", "SUGGESTION",
                "关于加快推进政务数据共享的建议", 2020, "ORDINARY", "ORDINARY", List.of("数字政府", "政务数据共享"), LEAD, CO_SIGNERS,
                LocalDate.of(2020, 5, 20), List.of(ZSJ,
                        new Unit("sz-fgw", "深圳市发展和改革委员会", "JOINT", null, LocalDate.of(2020, 6, 20))), null)); // live: no imported flag
    }

    @Test
    void reassignedMatchesTheGoldenFile() throws IOException {
        Unit gxj = new Unit("sz-gxj", "深圳市工业和信息化局", "JOINT", null, LocalDate.of(2020, 6, 28));
        assertGolden("suggestion.reassigned.v1", new SuggestionReassignedV1(ID, "shenzhen-npc", "20200055", "SUGGESTION",
                "关于加快推进政务数据共享的建议", 2020, "ORDINARY", "ORDINARY", List.of("数字政府", "政务数据共享"), LEAD, CO_SIGNERS,
                LocalDate.of(2020, 5, 28), "不属于本单位职责", List.of(new SuggestionReassignedV1.RemovedUnit("sz-fgw", "JOINT")),
                List.of(gxj), List.of(ZSJ, gxj)));
    }

    private void assertGolden(String type, Object event) throws IOException {
        try (InputStream golden = getClass().getResourceAsStream("/events/" + type + ".json")) {
            assertEquals(objectMapper.readTree(golden), objectMapper.readTree(objectMapper.writeValueAsString(event)));
        }
    }
}
