package io.coffer.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A live workspace made as an operator makes one: {@code coffer workspace create} run in its own
 * process on a database, before a server is started on that database with the same settings.
 *
 * @param env the settings (database, master key) to start the server with
 * @param created what the command printed: {@code {"workspace", "api_user": {...}}}
 */
public record LiveWorkspace(Map<String, String> env, JsonNode created) {

    /** Runs the command on a new database of the engine. */
    public static LiveWorkspace create(Engine engine, String name, List<String> options) throws IOException,
            InterruptedException {
        Path data = Engine.tempDir("live");
        Map<String, String> env = new HashMap<>();
        env.put("COFFER_DATA_DIR", data.resolve("db").toString());
        env.put("COFFER_MASTER_KEY_FILE", data.resolve("master.key").toString());
        if (engine == Engine.POSTGRES) {
            env.put("COFFER_DB_URL", engine.freshUrl());
            env.put("COFFER_DB_USER", engine.user());
            env.put("COFFER_DB_PASSWORD", engine.password());
        }
        JsonNode created = run(env, name, options);
        return new LiveWorkspace(env, created);
    }

    /** Runs {@code workspace create} with these settings and answers what it printed; fails unless it succeeded. */
    public static JsonNode run(Map<String, String> env, String name, List<String> options) throws IOException,
            InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of("workspace", "create", "--name", name));
        args.addAll(options);
        ServerProcess command = ServerProcess.launch(args, Path.of(env.get("COFFER_DATA_DIR")), 0, env);
        if (!command.process().waitFor(120, TimeUnit.SECONDS)) {
            command.kill();
            throw new AssertionError("workspace create did not finish: " + command.output());
        }
        String output = command.output();
        if (command.process().exitValue() != 0) {
            throw new AssertionError("workspace create exited with " + command.process().exitValue() + ": " + output);
        }
        String json = output.lines().filter(line -> line.startsWith("{")).reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no JSON in: " + output));
        return new ObjectMapper().readTree(json);
    }

    public String name() {
        return created.path("workspace").asText();
    }

    public JsonNode admin() {
        return created.path("api_user");
    }

    /** A server on the workspace's database. */
    public TestServer start(Engine engine) {
        return TestServer.start(engine, new HashMap<>(env));
    }
}
