package gov.suggestions.workflow.rest;

import static gov.suggestions.workflow.support.CaseDriver.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.workflow.support.CaseDriver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The issued reply letter opens in Apache POI with everything the office sends. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ReplyLetterDocumentTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theLetterCarriesNumberAddresseeBodyCategoryContactsUnitDateAndCopies() throws IOException {
        String suggestion = UUID.randomUUID().toString();
        String unit = "sz-zsj";
        try (CaseDriver driver = new CaseDriver(bootstrapServers)) {
            driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(unit, "SOLE", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(3))));
        }
        String id = awaitCase(suggestion, unit);
        given().auth().oauth2(office(unit)).when().get("/api/v1/cases/" + id + "/reply-letter").then().statusCode(404);
        act(id, office(unit), "distribution", DISTRIBUTION).statusCode(200);
        act(id, handler(unit), "communications", phoneCall()).statusCode(200);
        act(id, handler(unit), "drafts", draft("B", "您提出的关于加快推进政务数据共享的建议收悉。\n我局高度重视,现答复如下。")).statusCode(201);
        act(id, handler(unit), "draft-submission", NONE).statusCode(200);
        approveDefaultChain(id, unit);
        String number = act(id, office(unit), "reply", Map.of("disclosure", "PUBLIC")).statusCode(200)
                .extract().path("replies[0].documentNumber");
        LocalDate issued = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        byte[] docx = given().auth().oauth2(deputy(DEPUTY)).when().get("/api/v1/cases/" + id + "/reply-letter").then().statusCode(200)
                .contentType(CaseResource.DOCX).extract().asByteArray();
        String text;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
        }
        for (String expected : List.of(number, "王某某代表:", "您提出的关于加快推进政务数据共享的建议收悉", "答复类别:B 类",
                "年内上线共享平台二期", "联系人:李某(数据资源处处长),联系电话:0755-88100000", "单位sz-zsj",
                issued.getYear() + "年" + issued.getMonthValue() + "月" + issued.getDayOfMonth() + "日",
                "抄送:市人大常委会办公厅,市政府办公厅", "公开属性:公开")) {
            assertTrue(text.contains(expected), "the letter lacks " + expected + ":\n" + text);
        }
        assertTrue(number.startsWith("深政数函〔" + issued.getYear() + "〕"), number);
        // another deputy gets nothing
        given().auth().oauth2(deputy("D-9999")).when().get("/api/v1/cases/" + id + "/reply-letter").then().statusCode(404);
        // notification-service attaches the same letter to the deputy's e-mail with its service token
        byte[] forNotice = given().auth().oauth2(gov.suggestions.testsupport.TestTokens.role("system").subject("notification-service").sign())
                .when().get("/api/v1/cases/" + id + "/reply-letter").then().statusCode(200).contentType(CaseResource.DOCX)
                .extract().asByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(forNotice))) {
            assertEquals(text, doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n")),
                    "the system role gets the letter the deputy gets");
        }
    }
}
