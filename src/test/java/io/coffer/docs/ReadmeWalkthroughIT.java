package io.coffer.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's walk-throughs, run as a new user runs them: the built jar started as the README
 * starts it, in a fresh directory, and each marked block pasted into bash as it is written (only the
 * port differs). Every line ending in {@code # -> X} must print X, in order; then the state the
 * walk-through promises is read back through the API.
 */
class ReadmeWalkthroughIT {

    private static final Pattern BLOCK = Pattern.compile("<!-- walkthrough: ([\\w-]+) -->\\n```bash\\n(.*?)```",
            Pattern.DOTALL);
    private static final Pattern EXPECTED = Pattern.compile("#\\s*->\\s*(\\S.*)$");

    private final Map<String, String> blocks = blocks();
    private final Path jar = Path.of(System.getProperty("coffer.jar", "target/coffer.jar")).toAbsolutePath();
    private final String java = ProcessHandle.current().info().command().orElse("java");

    @Test
    void theFirstSessionRunsAsWritten() throws Exception {
        Path home = project();
        int port = ServerProcess.freePort();
        Process server = serve(home, port);
        try {
            String output = run(home, "first-session", port);
            JsonNode admin = new ObjectMapper().readTree(home.resolve("admin.json").toFile()).path("api_user");
            ApiClient client = new ApiClient("http://127.0.0.1:" + port, Map.of("X-Ledger-Workspace", "acme",
                    "X-Ledger-API-User", admin.path("username").asText(), "X-Ledger-API-Key", admin.path("api_key_secret").asText()));
            JsonNode account = client.get("/accounts").get("edges").get(0).path("node");
            assertThat(account.path("balance").asText()).as(output).isEqualTo("99295");
            JsonNode send = client.get("/transactions?type=SEND").get("edges").get(0).path("node");
            assertThat(send.path("status").asText()).isEqualTo("CONFIRMED");
            assertThat(client.get("/requests").get("edges").get(0).path("node").path("status").asText()).isEqualTo("SUBMITTED");
        } finally {
            stop(server);
        }
    }

    @Test
    void theLiveWalkthroughRunsAsWritten() throws Exception {
        Path home = project();
        int port = ServerProcess.freePort();
        stop(serve(home, port)); // the user had the server running, and stopped it as the README says
        run(home, "live-created", port);
        Process server = serve(home, port);
        try {
            String output = run(home, "live-running", port);
            JsonNode alice = new ObjectMapper().readTree(home.resolve("alice.json").toFile()).path("api_user");
            ApiClient client = new ApiClient("http://127.0.0.1:" + port, Map.of("X-Ledger-Workspace", "treasury",
                    "X-Ledger-API-User", "alice", "X-Ledger-API-Key", alice.path("api_key_secret").asText()));
            JsonNode accounts = client.get("/accounts").get("edges");
            assertThat(accounts).as(output).hasSize(1);
            assertThat(accounts.get(0).path("node").path("name").asText()).isEqualTo("hot");
            assertThat(client.get("/workspace").text("kind")).isEqualTo("LIVE");
        } finally {
            stop(server);
        }
    }

    /** A fresh directory in which {@code target/coffer.jar} is the built jar, as in the project. */
    private Path project() throws IOException {
        Path home = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "readme");
        Files.createDirectories(home.resolve("target"));
        Files.createSymbolicLink(home.resolve("target/coffer.jar"), jar);
        return home;
    }

    /** The README's run command, minus the build, on a free port. */
    private Process serve(Path home, int port) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:+ExitOnOutOfMemoryError", "-jar", "target/coffer.jar", "serve")
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("server.log").toFile()));
        builder.environment().put("COFFER_HTTP_PORT", Integer.toString(port));
        Process process = builder.start();
        ApiClient probe = new ApiClient("http://127.0.0.1:" + port, Map.of());
        ServerProcess.await(Duration.ofSeconds(90), "the jar to answer /health", () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the server exited: " + read(home.resolve("server.log")));
            }
            try {
                return probe.get("/health").status() == 200;
            } catch (RuntimeException notYet) {
                return false;
            }
        });
        return process;
    }

    private static void stop(Process server) throws InterruptedException {
        server.destroy();
        if (!server.waitFor(20, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }

    /** Pastes a block into bash and checks the lines it promises, in order. */
    private String run(Path home, String name, int port) throws Exception {
        Process tools = new ProcessBuilder("bash", "-c", "command -v curl && command -v jq").start();
        assertThat(tools.waitFor()).as("the README's walk-throughs need bash, curl and jq on the PATH").isZero();
        String block = blocks.get(name);
        assertThat(block).as("the README has the walk-through " + name).isNotNull();
        ProcessBuilder bash = new ProcessBuilder("bash", "-e", "-o", "pipefail").directory(home.toFile())
                .redirectErrorStream(true);
        String javaBin = Path.of(java).getParent().toString();
        bash.environment().put("PATH", javaBin + ":" + System.getenv("PATH"));
        Process shell = bash.start();
        shell.getOutputStream().write(block.replace("localhost:5000", "localhost:" + port).getBytes());
        shell.getOutputStream().close();
        boolean finished = shell.waitFor(300, TimeUnit.SECONDS);
        String output = new String(shell.getInputStream().readAllBytes());
        assertThat(finished).as(name + " finished: " + output).isTrue();
        assertThat(shell.exitValue()).as(name + " ran without an error:\n" + output).isZero();
        List<String> expected = new ArrayList<>();
        for (String line : block.split("\n")) {
            Matcher matcher = EXPECTED.matcher(line);
            if (matcher.find()) {
                expected.add(matcher.group(1).trim());
            }
        }
        assertThat(expected).as("the walk-through promises what it prints").isNotEmpty();
        List<String> lines = output.lines().toList();
        int at = 0;
        for (String promise : expected) {
            int found = -1;
            for (int i = at; i < lines.size(); i++) {
                if (lines.get(i).contains(promise)) {
                    found = i;
                    break;
                }
            }
            assertThat(found).as(name + " prints '" + promise + "' after line " + at + ":\n" + output).isNotNegative();
            at = found + 1;
        }
        return output;
    }

    private static Map<String, String> blocks() {
        String readme = read(Path.of(System.getProperty("coffer.readme", "README.md")));
        Map<String, String> found = new LinkedHashMap<>();
        Matcher matcher = BLOCK.matcher(readme);
        while (matcher.find()) {
            found.put(matcher.group(1), matcher.group(2));
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable " + file + ": " + e.getMessage() + ")";
        }
    }
}
