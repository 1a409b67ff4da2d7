package io.coffer.event;

import io.coffer.testing.Engine;

class WebhooksOnH2Test extends WebhooksCases {
    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
