package io.coffer.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.testing.ApiClient;
import io.coffer.testing.Engine;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerCases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every operation of Coffer's document is served, and routes that need credentials refuse without. */
class RouteCoverageTest extends ServerCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }

    @Test
    void everyDocumentedOperationIsRoutedAndProtectedUnlessPublic() {
        ApiClient admin = Sandbox.workspace(server).client();
        List<String> problems = new ArrayList<>();
        OpenApiDocuments.coffer().path("paths").fields().forEachRemaining(path -> path.getValue().fields()
                .forEachRemaining(method -> {
                    String concrete = path.getKey().replaceAll("\\{[^}]+}", "1");
                    String verb = method.getKey().toUpperCase();
                    boolean open = method.getValue().has("security") && method.getValue().get("security").isEmpty();
                    int anonymous = server.anonymous().send(verb, concrete, verb.equals("POST") ? "{}" : null).status();
                    if (!open && anonymous != 401) {
                        problems.add(verb + " " + path.getKey() + " answered " + anonymous + " without credentials");
                    }
                    var authenticated = admin.send(verb, concrete, verb.equals("POST") ? "{}" : null);
                    boolean unrouted = authenticated.status() == 405 || authenticated.status() >= 500
                            || authenticated.raw().contains("no route for");
                    if (unrouted) {
                        problems.add(verb + " " + path.getKey() + " is not routed (" + authenticated.status() + ")");
                    }
                }));
        assertThat(problems).isEmpty();
    }
}
