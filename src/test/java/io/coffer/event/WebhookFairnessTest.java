package io.coffer.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.testing.ApiClient;
import io.coffer.testing.Engine;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerProcess;
import io.coffer.testing.TestServer;
import io.coffer.testing.WebhookReceiver;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A receiver that hangs holds its own user's few slots, never the other users' deliveries. */
class WebhookFairnessTest {

    @Test
    void aHangingReceiverDoesNotHoldUpAnotherWorkspacesWebhook() throws Exception {
        try (TestServer server = TestServer.start(Engine.H2, Map.of("COFFER_WEBHOOK_TIMEOUT_SECONDS", "30",
                "COFFER_WEBHOOK_CONCURRENCY", "8"));
             WebhookReceiver receiver = WebhookReceiver.start(0)) {
            receiver.hang("/slow");
            Sandbox.Workspace slow = Sandbox.workspace(server);
            assertThat(WebhooksCases.configure(slow.client(), receiver.url("/slow", "slow-secret"), "slow-secret").status())
                    .isEqualTo(200);
            long account = Sandbox.account(slow.client(), "ethereum").path("id").asLong();
            for (int i = 0; i < 60; i++) {
                Sandbox.deposit(slow.client(), account, "1");
            }
            ServerProcess.await(Duration.ofSeconds(30), "the slow receiver holding its four posts",
                    () -> receiver.attempts() >= 4);

            Sandbox.Workspace other = Sandbox.workspace(server);
            ApiClient client = other.client();
            assertThat(WebhooksCases.configure(client, receiver.url("/fast", "fast-secret"), "fast-secret").status())
                    .isEqualTo(200);
            Sandbox.account(client, "bitcoin");
            // Each hanging post lasts 30 s: were the other user queued behind the backlog of 61, this would take minutes.
            ServerProcess.await(Duration.ofSeconds(20), "the other workspace's delivery",
                    () -> receiver.accepted("/fast").size() == 1);
            assertThat(receiver.attempts()).as("the slow user never had more than four posts at once").isEqualTo(5);
            assertThat(receiver.problems()).isEmpty();
        }
    }
}
