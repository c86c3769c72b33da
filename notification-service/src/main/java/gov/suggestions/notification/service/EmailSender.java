package gov.suggestions.notification.service;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.notification.domain.Channel;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/** E-mail over SMTP (quarkus.mailer.* settings); a reply notice carries the letter when it can be fetched. */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private final Mailer mailer;
    private final ReplyLetters letters;

    public EmailSender(Mailer mailer, ReplyLetters letters) {
        this.mailer = mailer;
        this.letters = letters;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(Delivery delivery) {
        Mail mail = Mail.withText(delivery.destination(), delivery.subject(), delivery.body());
        if (delivery.replyLetter() != null) {
            letters.fetch(delivery.caseId(), delivery.replyLetter(), delivery.attempt())
                    .ifPresent(letter -> mail.addAttachment(letter.filename(), letter.content(), WorkflowLetters.DOCX));
        }
        mailer.send(mail);
    }
}
