package io.coffer.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of HTTP test suites that run against a real server on each storage engine: a concrete
 * subclass per engine names the engine, the cases live in the abstract suite.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServerCases {

    protected TestServer server;

    protected abstract Engine engine();

    @BeforeAll
    void startServer() {
        server = TestServer.start(engine());
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }
}
