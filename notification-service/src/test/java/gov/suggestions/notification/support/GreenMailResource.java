package gov.suggestions.notification.support;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** An in-process SMTP server (GreenMail) on a free port; tests read what it received. */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail greenMail;

    @Override
    public Map<String, String> start() {
        greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(greenMail.getSmtp().getPort()));
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    public record Received(String to, String subject, String body, List<Attachment> attachments, String messageId) {
    }

    public record Attachment(String filename, String contentType, byte[] content) {
    }

    /** How many messages this address received so far, without reading them (cheap enough to poll in the benchmark). */
    public static long countTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> recipients(m).contains(address)).count();
    }

    /** Every message received so far for this address. */
    public static List<Received> to(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> recipients(m).contains(address))
                .map(m -> new Received(address, subject(m), body(m), attachments(m), messageId(m)))
                .toList();
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage m) {
        try {
            Address[] to = m.getRecipients(Message.RecipientType.TO);
            return to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text, also of a message with attachments (its first text/plain part). */
    private static String body(MimeMessage m) {
        try {
            Object content = m.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                        return part.getContent().toString().strip();
                    }
                }
                return "";
            }
            return content.toString().strip();
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Attachment> attachments(MimeMessage m) {
        try {
            if (!(m.getContent() instanceof Multipart multipart)) {
                return List.of();
            }
            List<Attachment> result = new java.util.ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    result.add(new Attachment(part.getFileName(), part.getContentType(), part.getInputStream().readAllBytes()));
                }
            }
            return result;
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
