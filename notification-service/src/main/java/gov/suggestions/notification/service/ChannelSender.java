package gov.suggestions.notification.service;

import gov.suggestions.notification.domain.Channel;

/** Hands notices to one channel's provider. Throws on any failure; the dispatcher decides about retries. */
public interface ChannelSender {

    Channel channel();

    void send(Delivery delivery) throws Exception;
}
