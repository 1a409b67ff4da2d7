package io.coffer.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.event.WebhookSignature;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The receiver examples of docs/webhooks.md, run as written: each accepts a delivery signed the way
 * Coffer signs, and refuses a changed body, a wrong secret and a stale timestamp.
 */
class WebhookExamplesTest {

    private static final byte[] BODY = "{\"payload_type\":\"TRANSACTION\",\"event_type\":\"NEW_TRANSACTION_HAS_BEEN_RECEIVED\",\"id\":10}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECRET = "a long random secret".getBytes(StandardCharsets.UTF_8);

    private static String example(String language) throws Exception {
        String doc = Files.readString(Path.of("docs/webhooks.md"));
        Matcher block = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(block.find()).as("docs/webhooks.md has a " + language + " example").isTrue();
        return block.group(1);
    }

    private static String header(long t) {
        return WebhookSignature.header(SECRET, t, BODY);
    }

    @Test
    void theJavaExampleVerifiesCoffersSignature() throws Exception {
        Path dir = Files.createTempDirectory("webhook-example");
        Files.writeString(dir.resolve("Receiver.java"), "public class Receiver {\n" + example("java") + "\n}\n");
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler.run(null, null, null, "-d", dir.toString(), dir.resolve("Receiver.java").toString())).isZero();
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {dir.toUri().toURL()})) {
            Method verified = loader.loadClass("Receiver").getDeclaredMethod("verified", String.class, byte[].class,
                    byte[].class);
            verified.setAccessible(true);
            long now = Instant.now().getEpochSecond();
            assertThat(verified.invoke(null, header(now), BODY, SECRET)).isEqualTo(true);
            assertThat(verified.invoke(null, header(now), "{}".getBytes(), SECRET)).isEqualTo(false);
            assertThat(verified.invoke(null, header(now), BODY, "other".getBytes())).isEqualTo(false);
            assertThat(verified.invoke(null, header(now - 600), BODY, SECRET)).isEqualTo(false);
        }
    }

    @Test
    void thePythonExampleVerifiesCoffersSignature() throws Exception {
        String program = example("python") + "\nimport sys\nprint(verified(sys.argv[1], sys.argv[2].encode(), sys.argv[3].encode()))\n";
        long now = Instant.now().getEpochSecond();
        String body = new String(BODY, StandardCharsets.UTF_8);
        String secret = new String(SECRET, StandardCharsets.UTF_8);
        assertThat(python(program, header(now), body, secret)).isEqualTo("True");
        assertThat(python(program, header(now), "{}", secret)).isEqualTo("False");
        assertThat(python(program, header(now), body, "other")).isEqualTo("False");
        assertThat(python(program, header(now - 600), body, secret)).isEqualTo("False");
    }

    private static String python(String program, String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("python3", "-c", program));
        command.addAll(java.util.List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }
}
