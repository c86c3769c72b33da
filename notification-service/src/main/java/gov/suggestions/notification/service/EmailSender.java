package gov.suggestions.notification.service;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.notification.domain.Channel;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/** E-mail over SMTP (quarkus.mailer.* settings). */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private final Mailer mailer;

    public EmailSender(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(Delivery delivery) {
        mailer.send(Mail.withText(delivery.destination(), delivery.subject(), delivery.body()));
    }
}
