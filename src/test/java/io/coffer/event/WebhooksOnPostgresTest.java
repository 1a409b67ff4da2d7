package io.coffer.event;

import io.coffer.testing.Engine;

class WebhooksOnPostgresTest extends WebhooksCases {
    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
