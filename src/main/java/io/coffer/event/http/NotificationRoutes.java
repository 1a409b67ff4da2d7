package io.coffer.event.http;

import io.coffer.common.Caller;
import io.coffer.event.Delivery;
import io.coffer.event.DeliveryStatus;
import io.coffer.event.EventFeed;
import io.coffer.event.NotificationService;
import io.coffer.event.Webhook;
import io.coffer.http.Api;
import io.coffer.http.ApiException;
import io.coffer.http.Bodies;
import io.coffer.http.JsonFields;
import io.coffer.http.PathParams;
import io.coffer.http.Query;
import io.coffer.http.Responses;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET}/{@code PUT /notifications/configuration} (the spec's, for API users and reporting keys
 * alike), and the Coffer extensions {@code GET /notifications/deliveries} and
 * {@code POST /notifications/deliveries/{id}/redeliver}.
 */
public final class NotificationRoutes {

    record WebhookView(String url, String secret) {
    }

    record ProfileView(WebhookView webhook) {
    }

    record ConfigurationView(ProfileView all) {
    }

    record EventView(long seq, String payloadType, String eventType, long id, Instant createdOn) {
    }

    record DeliveryView(long id, EventView event, String status, int tries, Instant nextTryAt, Integer lastStatus,
                        String lastError, Instant deliveredOn) {
    }

    record DeliveriesView(java.util.List<DeliveryView> deliveries) {
    }

    private static final byte[] NO_WEBHOOK = "{\"all\":{\"webhook\":null}}".getBytes(StandardCharsets.UTF_8);
    private static final Set<String> DELIVERY_PARAMETERS = Set.of("after", "status", "limit");

    private final NotificationService notifications;
    private final EventFeed feed;
    private final Bodies bodies;

    public NotificationRoutes(NotificationService notifications, EventFeed feed, Bodies bodies) {
        this.notifications = notifications;
        this.feed = feed;
        this.bodies = bodies;
    }

    public void register(Api api) {
        api.get("/notifications/configuration", this::get);
        api.put("/notifications/configuration", this::put);
        api.get("/notifications/deliveries", this::deliveries);
        api.postForEveryRole("/notifications/deliveries/{delivery_id}/redeliver", this::redeliver);
    }

    private void get(ServerRequest req, ServerResponse res, Caller caller) {
        Query.of(req).allowOnly(Set.of(), false);
        answer(res, notifications.get(caller));
    }

    private void put(ServerRequest req, ServerResponse res, Caller caller) {
        JsonFields body = bodies.object(req).allowOnly("all");
        JsonFields all = body.optionalObject("all").orElseThrow(() -> ApiException.badRequest("field 'all' is required"));
        all.allowOnly("webhook");
        Optional<NotificationService.WebhookInput> webhook = all.optionalObject("webhook").map(fields -> {
            fields.allowOnly("url", "secret");
            return new NotificationService.WebhookInput(fields.string("url"), fields.string("secret"));
        });
        answer(res, notifications.put(caller, webhook));
    }

    private static void answer(ServerResponse res, io.coffer.common.Outcome<Optional<Webhook>> outcome) {
        Responses.noStore(res);
        if (outcome instanceof io.coffer.common.Outcome.Ok<Optional<Webhook>> ok && ok.value().isEmpty()) {
            Responses.okRaw(res, NO_WEBHOOK);
            return;
        }
        Responses.outcome(res, outcome, webhook -> new ConfigurationView(new ProfileView(
                new WebhookView(webhook.orElseThrow().url(), webhook.orElseThrow().maskedSecret()))));
    }

    private void deliveries(ServerRequest req, ServerResponse res, Caller caller) {
        Query query = Query.of(req).allowOnly(DELIVERY_PARAMETERS, false);
        Optional<DeliveryStatus> status = query.enumValue("status", DeliveryStatus.class);
        Responses.outcome(res, feed.deliveries(caller, query.wholeNumber("after").orElse(0L), status,
                query.integer("limit").orElse(100)), list -> new DeliveriesView(list.stream()
                .map(NotificationRoutes::view).toList()));
    }

    private void redeliver(ServerRequest req, ServerResponse res, Caller caller) {
        long id = PathParams.id(req, "delivery_id");
        Responses.outcome(res, feed.redeliver(caller, id), NotificationRoutes::view);
    }

    static EventView view(io.coffer.event.FeedEvent event) {
        return new EventView(event.seq(), event.payloadType(), event.eventType(), event.objectId(), event.createdOn());
    }

    private static DeliveryView view(Delivery delivery) {
        return new DeliveryView(delivery.id(), view(delivery.event()), delivery.status().name(), delivery.tries(),
                delivery.nextTryAt(), delivery.lastStatus().orElse(null), delivery.lastError().orElse(null),
                delivery.deliveredOn().orElse(null));
    }
}
