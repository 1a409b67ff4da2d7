package io.coffer.event.http;

import io.coffer.common.Caller;
import io.coffer.event.EventFeed;
import io.coffer.http.Api;
import io.coffer.http.Query;
import io.coffer.http.Responses;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /events?after=&limit=}, a Coffer extension: the workspace's events the caller may see,
 * in sequence order, with the number to ask after next.
 */
public final class EventRoutes {

    record FeedView(List<NotificationRoutes.EventView> events, long nextAfter, long lastSeq) {
    }

    private static final Set<String> PARAMETERS = Set.of("after", "limit");

    private final EventFeed feed;

    public EventRoutes(EventFeed feed) {
        this.feed = feed;
    }

    public void register(Api api) {
        api.get("/events", this::events);
    }

    private void events(ServerRequest req, ServerResponse res, Caller caller) {
        Query query = Query.of(req).allowOnly(PARAMETERS, false);
        Responses.outcome(res, feed.after(caller, query.wholeNumber("after").orElse(0L), query.integer("limit").orElse(100)),
                page -> new FeedView(page.events().stream().map(NotificationRoutes::view).toList(), page.nextAfter(),
                        page.lastSeq()));
    }
}
