package io.coffer;

/**
 * The jar's entry point, compiled for Java 8 so that any java can run it: on a JDK older than 21 it
 * says so and how to fix it, instead of an UnsupportedClassVersionError; on 21 or newer it starts
 * {@code io.coffer.Main}. It refers to nothing else of Coffer's, so it loads before the version check.
 */
public final class Launcher {

    private static final int REQUIRED = 21;

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        String version = System.getProperty("java.specification.version", "0");
        int major = Integer.parseInt(version.startsWith("1.") ? version.substring(2) : version.split("\\.")[0]);
        if (major < REQUIRED) {
            String javaHome = System.getenv("JAVA_HOME");
            System.err.println("coffer: Coffer needs Java " + REQUIRED + " or newer, found " + version + " ("
                    + System.getProperty("java.home") + ").");
            System.err.println(javaHome != null && !javaHome.isEmpty()
                    ? "Run it with the JDK of JAVA_HOME: \"$JAVA_HOME/bin/java\" -XX:+ExitOnOutOfMemoryError -jar target/coffer.jar serve"
                    : "Install a JDK 21+ (e.g. /usr/lib/jvm/temurin-25-jdk-amd64) and run it with that JDK's bin/java.");
            System.exit(2);
        }
        Class.forName("io.coffer.Main").getMethod("main", String[].class).invoke(null, (Object) args);
    }
}
