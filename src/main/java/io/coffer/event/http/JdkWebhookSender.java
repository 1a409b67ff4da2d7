package io.coffer.event.http;

import io.coffer.event.WebhookSender;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * {@link WebhookSender} over the JDK's HTTP client: no redirects followed (a redirect could point
 * anywhere), a timeout on the whole exchange, and the receiver's body never read.
 */
public final class JdkWebhookSender implements WebhookSender {

    private final HttpClient client;
    private final Duration timeout;

    public JdkWebhookSender(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public Result post(URI url, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("User-Agent", "Coffer-Webhooks/1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            // Closing without reading: a receiver that streams an endless body costs nothing.
            response.body().close();
            return new Result.Answered(response.statusCode());
        } catch (HttpTimeoutException e) {
            return new Result.NoAnswer("no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Result.NoAnswer("could not post: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result.NoAnswer("interrupted while posting");
        } catch (IllegalArgumentException e) {
            return new Result.NoAnswer("the webhook URL cannot be posted to: " + e.getMessage());
        }
    }
}
