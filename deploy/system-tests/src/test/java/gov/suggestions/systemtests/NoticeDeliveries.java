package gov.suggestions.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.icegreen.greenmail.util.GreenMail;

import io.restassured.path.json.JsonPath;

/**
 * What the SMTP server and the SMS gateway received, counted by the id every try of a notice carries: the e-mail's
 * Message-ID ({@code <notice id@domain>}) and the SMS request's outId (the notice id). A notice is delivered at least
 * once; a repeat (a send interrupted by a stop or a kill) carries the same id.
 */
public record NoticeDeliveries(Map<String, Long> byMessageId, Map<String, Long> byOutId) {

    public static NoticeDeliveries of(GreenMail smtp, WireMockServer smsGateway) {
        Map<String, Long> byMessageId = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            byMessageId.merge(messageId(message), 1L, Long::sum);
        }
        Map<String, Long> byOutId = smsGateway.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/sms/send"))).stream()
                .map(r -> JsonPath.from(r.getBodyAsString()).getString("outId"))
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        return new NoticeDeliveries(byMessageId, byOutId);
    }

    /** The ids of notification-service's notices on one channel, from its database. */
    public static Set<String> noticeIds(String database, String channel) throws java.sql.SQLException {
        return SuiteDatabases.countBy(database, "notification",
                "SELECT id::text, count(*) FROM notification WHERE channel = '" + channel + "' GROUP BY 1").keySet();
    }

    public static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public long emails() {
        return byMessageId.values().stream().mapToLong(Long::longValue).sum();
    }

    public long smsRequests() {
        return byOutId.values().stream().mapToLong(Long::longValue).sum();
    }

    public long repeatedEmails() {
        return emails() - byMessageId.size();
    }

    public long repeatedSms() {
        return smsRequests() - byOutId.size();
    }

    /**
     * Every e-mail notice and every SMS notice of the database arrived, under its own id, and none more than twice.
     * @param emailNoticeIds the ids of the notices on channel EMAIL; {@code smsNoticeIds} those on SMS
     */
    public void eachNoticeArrivedOnceOrTwiceUnderItsId(Set<String> emailNoticeIds, Set<String> smsNoticeIds) {
        Set<String> mailed = byMessageId.keySet().stream().map(id -> id.replaceAll("^<([^@]+)@.*>$", "$1")).collect(Collectors.toSet());
        assertEquals(emailNoticeIds, mailed, "one Message-ID per e-mail notice, made from its id: every notice received");
        byMessageId.forEach((id, count) -> assertTrue(count <= 2, id + " received " + count + " times"));
        assertEquals(smsNoticeIds, byOutId.keySet(), "every SMS notice reached the gateway, with its id as outId");
        byOutId.forEach((id, count) -> assertTrue(count <= 2, "outId " + id + " requested " + count + " times"));
    }
}
