package gov.suggestions.notification.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import gov.suggestions.notification.domain.Channel;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/**
 * E-mail over SMTP (quarkus.mailer.* settings); a reply notice carries the letter when it can be fetched. Every try of
 * one notice has the same Message-ID, made from the notice's id, so a mail system or reader recognises a repeat.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private final Mailer mailer;
    private final ReplyLetters letters;
    private final String messageIdDomain;

    public EmailSender(Mailer mailer, ReplyLetters letters, @ConfigProperty(name = "quarkus.mailer.from") String from) {
        this.mailer = mailer;
        this.letters = letters;
        this.messageIdDomain = from.contains("@") ? from.substring(from.lastIndexOf('@') + 1).replace(">", "").trim() : "suggestions.local";
    }

    /** The Message-ID of a notice's e-mail: {@code <notice id@sender's domain>}. */
    public String messageId(UUID notificationId) {
        return "<" + notificationId + "@" + messageIdDomain + ">";
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(Delivery delivery) {
        Mail mail = Mail.withText(delivery.destination(), delivery.subject(), delivery.body())
                .addHeader("Message-ID", messageId(delivery.notificationId()));
        if (delivery.replyLetter() != null) {
            letters.fetch(delivery.caseId(), delivery.replyLetter(), delivery.attempt())
                    .ifPresent(letter -> mail.addAttachment(letter.filename(), letter.content(), WorkflowLetters.DOCX));
        }
        mailer.send(mail);
    }
}
