package io.coffer.limits.http;

import io.coffer.common.Caller;
import io.coffer.http.CallerFilter;
import io.coffer.http.CallerHandler;
import io.coffer.http.ErrorBody;
import io.coffer.http.Responses;
import io.coffer.limits.ReadAdmission;
import io.coffer.limits.ReadLimiter;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** The read limit around authenticated GETs: counted per instance, in live workspaces only. */
public final class LimitedReads implements CallerFilter {

    private final ReadLimiter limiter;

    public LimitedReads(ReadLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res, Caller caller, CallerHandler next) throws Exception {
        switch (limiter.admit(caller)) {
            case ReadAdmission.Free free -> next.handle(req, res, caller);
            case ReadAdmission.Counted counted -> {
                RateLimitHeaders.set(res, counted.quota());
                next.handle(req, res, caller);
            }
            case ReadAdmission.Throttled throttled -> {
                RateLimitHeaders.set(res, throttled.quota());
                Responses.error(res, ErrorBody.rateLimited("rate limit reached: at most " + throttled.quota().limit()
                        + " reads per minute; retry after " + throttled.quota().retryAfter().getSeconds() + " seconds"));
            }
        }
    }
}
