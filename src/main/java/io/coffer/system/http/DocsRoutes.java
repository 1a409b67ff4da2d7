package io.coffer.system.http;

import io.coffer.http.Api;
import io.coffer.http.ErrorBody;
import io.coffer.http.Responses;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /docs}: Coffer's OpenAPI document ({@code /openapi.yaml}) rendered by Swagger UI. The page
 * and its start-up script are Coffer's own; Swagger UI's script, stylesheet and icons come from the
 * {@code org.webjars:swagger-ui} jar on the classpath (bundled in the shaded jar), so the page loads
 * nothing from outside this server. Only the files named in {@link #FILES} are served, by exact
 * name, so no request path can reach anything else on the classpath; any other name is a 404 in the
 * error shape. Like {@code /openapi.yaml}, the pages reveal nothing about any workspace and need no
 * credentials.
 */
public final class DocsRoutes {

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String WEBJAR_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final String OWN = "io/coffer/system/http/docs/";

    private record File(String resource, String contentType, String cacheControl) {
    }

    /** The files under /docs/, by the name in the URL. */
    static final Map<String, File> FILES;

    private static final File INDEX = new File(OWN + "index.html", "text/html; charset=utf-8", "no-cache");

    static {
        String webjar = WEBJAR + webjarVersion() + "/";
        String day = "public, max-age=86400";
        FILES = Map.of(
                "coffer-docs.js", new File(OWN + "coffer-docs.js", "text/javascript; charset=utf-8", "no-cache"),
                "swagger-ui-bundle.js", new File(webjar + "swagger-ui-bundle.js", "text/javascript; charset=utf-8", day),
                "swagger-ui.css", new File(webjar + "swagger-ui.css", "text/css; charset=utf-8", day),
                "favicon-32x32.png", new File(webjar + "favicon-32x32.png", "image/png", day),
                "favicon-16x16.png", new File(webjar + "favicon-16x16.png", "image/png", day));
    }

    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    public DocsRoutes() {
        for (File file : FILES.values()) {
            if (DocsRoutes.class.getClassLoader().getResource(file.resource()) == null) {
                throw new IllegalStateException(file.resource() + " is missing from the classpath");
            }
        }
        if (DocsRoutes.class.getClassLoader().getResource(INDEX.resource()) == null) {
            throw new IllegalStateException(INDEX.resource() + " is missing from the classpath");
        }
    }

    public void register(Api api) {
        api.publicGet("/docs", (req, res) -> send(res, INDEX));
        api.publicGet("/docs/", (req, res) -> send(res, INDEX));
        api.publicGet("/docs/{file}", this::file);
    }

    private void file(ServerRequest req, ServerResponse res) {
        String name = req.path().pathParameters().first("file").orElse("");
        File file = FILES.get(name);
        if (file == null) {
            Responses.error(res, ErrorBody.notFound("/docs has no file named '" + abbreviate(name) + "'"));
            return;
        }
        send(res, file);
    }

    private void send(ServerResponse res, File file) {
        byte[] bytes = loaded.computeIfAbsent(file.resource(), DocsRoutes::read);
        res.header(HeaderNames.CONTENT_TYPE, file.contentType());
        res.header(HeaderNames.CACHE_CONTROL, file.cacheControl());
        res.header(HeaderNames.create("X-Content-Type-Options"), "nosniff");
        res.send(bytes);
    }

    private static byte[] read(String resource) {
        try (InputStream in = DocsRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version of the Swagger UI webjar on the classpath: its files live under a folder of that name. */
    private static String webjarVersion() {
        try (InputStream in = DocsRoutes.class.getClassLoader().getResourceAsStream(WEBJAR_POM)) {
            if (in == null) {
                throw new IllegalStateException("the Swagger UI webjar (org.webjars:swagger-ui) is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            if (version == null || !version.matches("[0-9A-Za-z.\\-]+")) {
                throw new IllegalStateException("unexpected Swagger UI webjar version: " + version);
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String name) {
        return name.length() <= 64 ? name : name.substring(0, 64) + "...";
    }
}
