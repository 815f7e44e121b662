package io.arcnode.sink.alertrouter.internal;

import io.arcnode.sink.api.SinkException;

/** Sends to the destinations of the routing table. */
interface Deliveries {

    /** POSTs {@code json} to the webhook; a refusal of the body (4xx but 408, 429) is permanent. */
    void post(RoutingTable.Webhook to, String json) throws SinkException;

    /** Mails {@code text} to the recipients; rejected addresses are permanent. */
    void mail(RoutingTable.Email to, String subject, String text) throws SinkException;
}
