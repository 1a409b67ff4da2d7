package io.coffer.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.testing.ApiClient;
import io.coffer.testing.Engine;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerProcess;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhooksOnPostgresTest extends WebhooksCases {
    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }

    /** An event committed by a writer that stopped before numbering it is numbered by the background sweep. */
    @Test
    void anEventLeftWithoutItsNumberIsNumberedBySweep() throws Exception {
        Sandbox.Workspace workspace = Sandbox.workspace(server);
        ApiClient client = workspace.client();
        long account = Sandbox.account(client, "ethereum").path("id").asLong();
        long before = lastSeq(client);
        try (Connection connection = server.database().dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO event (workspace_id, seq, event_type, payload_type, object_kind, object_id, account_id, created_on)
                     SELECT workspace_id, NULL, 'NEW_ACCOUNT_HAS_BEEN_CREATED', 'ACCOUNT', 'ACCOUNT', id, id, CURRENT_TIMESTAMP
                     FROM account WHERE id = ?""")) {
            insert.setLong(1, account);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        ServerProcess.await(Duration.ofSeconds(30), "the sweep to number the event", () -> lastSeq(client) == before + 1);
        assertThat(feed(client, before)).singleElement()
                .satisfies(event -> assertThat(event.path("seq").asLong()).isEqualTo(before + 1))
                .satisfies(event -> assertThat(event.path("id").asLong()).isEqualTo(account));
    }
}
