package io.coffer.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.CofferServer;
import io.coffer.config.ServerConfig;
import io.coffer.db.Database;
import io.coffer.db.Sql;
import io.coffer.testing.ApiClient;
import io.coffer.testing.Engine;
import io.coffer.testing.Sandbox;
import io.coffer.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Workspace seeds, token keys and signing keys are sealed under the master key: a copy of the
 * database alone holds none of them in any spelling, and a server started with another key file, or
 * none, refuses to start rather than run without its keys.
 */
abstract class KeysAtRestCases {

    protected abstract Engine engine();

    /** The secrets of every workspace, opened with the master key, in every spelling a dump could show. */
    private static List<String> clearSpellings(Map<String, String> env) {
        KeyVault vault = new KeyVault(MasterKeyFile.read(Path.of(env.get("COFFER_MASTER_KEY_FILE"))), new SecureRandom());
        List<String> spellings = new ArrayList<>();
        try (Database db = open(env)) {
            db.unitOfWork().read(tx -> Sql.list(tx, "SELECT name, seed, token_key, leaf_key FROM workspace", row -> {
                for (String field : List.of("seed", "token_key", "leaf_key")) {
                    byte[] clear = vault.open(row.getString(field), KeyVault.workspacePlace(row.getString("name"), field));
                    spellings.add(Base64.getEncoder().encodeToString(clear));
                    spellings.add(Base64.getUrlEncoder().withoutPadding().encodeToString(clear));
                    spellings.add(HexFormat.of().formatHex(clear));
                    spellings.add(new String(clear, StandardCharsets.ISO_8859_1));
                }
                return null;
            }));
        }
        return spellings;
    }

    private static Database open(Map<String, String> env) {
        ServerConfig config = ServerConfig.fromEnvironment(env);
        return config.usesPostgres() ? Database.open(env.get("COFFER_DB_URL"), env.get("COFFER_DB_USER"),
                env.get("COFFER_DB_PASSWORD"), 2) : Database.open(Database.h2Url(config.dataDir()), "sa", "", 2);
    }

    /** Every value of every row of every table, as a dump would show it. */
    private static String dump(Map<String, String> env) {
        StringBuilder all = new StringBuilder();
        try (Database db = open(env)) {
            db.unitOfWork().read(tx -> {
                List<String> tables = Sql.list(tx, "SELECT table_name FROM information_schema.tables WHERE"
                        + " LOWER(table_schema) = 'public' AND table_type IN ('BASE TABLE', 'TABLE')", row -> row.getString(1));
                for (String table : tables) {
                    Sql.list(tx, "SELECT * FROM \"" + table + "\"", row -> {
                        for (int c = 1; c <= row.getMetaData().getColumnCount(); c++) {
                            all.append(row.getString(c)).append('\n');
                        }
                        return null;
                    });
                }
                return null;
            });
        }
        return all.toString();
    }

    @Test
    void aDumpOfTheDatabaseHoldsNoKeyInClearAndSignsNothing() throws Exception {
        Map<String, String> env;
        String token;
        String workspace;
        String address;
        try (TestServer server = TestServer.start(engine())) {
            env = server.env();
            Sandbox.Workspace ws = Sandbox.workspace(server);
            workspace = ws.name();
            address = Sandbox.account(ws.client(), "ethereum").path("address").asText();
            token = server.anonymous().with("X-Ledger-Workspace", workspace).post("/auth/token", Map.of("api_key_id",
                    ws.admin().path("api_key_id").asText(), "api_key_secret", ws.admin().path("api_key_secret").asText()))
                    .text("access_token");
        }
        List<String> secrets = clearSpellings(env);
        assertThat(secrets).hasSize(3 * 4);
        String rows = dump(env);
        assertThat(rows).contains(address);
        for (String secret : secrets) {
            assertThat(rows).as("no table holds a workspace secret in clear").doesNotContain(secret);
        }
        if (engine() == Engine.H2) {
            byte[] file = Files.readAllBytes(Path.of(env.get("COFFER_DATA_DIR")).resolve("coffer.mv.db"));
            String bytes = new String(file, StandardCharsets.ISO_8859_1);
            assertThat(bytes).as("the H2 file shows the account's address").contains(address);
            for (String secret : secrets) {
                assertThat(bytes).as("the H2 file holds no workspace secret in clear").doesNotContain(secret);
            }
        }
        // What a thief of the dump can try: the stored token key, read as a key, signs nothing the server takes.
        String storedTokenKey = rows.lines().filter(line -> line.startsWith("v1:")).findFirst().orElseThrow();
        assertThatThrownBy(() -> Base64.getDecoder().decode(storedTokenKey)).isInstanceOf(IllegalArgumentException.class);
        try (TestServer again = TestServer.start(engine(), env)) {
            ApiClient client = again.anonymous().with("X-Ledger-Workspace", workspace).with("Authorization", "Bearer " + token);
            assertThat(client.get("/accounts").status()).as("the real token still works after a restart").isEqualTo(200);
        }
    }

    @Test
    void aServerWithTheWrongKeyFileOrNoneRefusesToStart() {
        Map<String, String> env;
        try (TestServer server = TestServer.start(engine())) {
            env = new HashMap<>(server.env());
            Sandbox.workspace(server);
        }
        Path other = Engine.tempDir("other-key").resolve("master.key");
        MasterKeyFile.create(other, new SecureRandom());
        env.put("COFFER_MASTER_KEY_FILE", other.toString());
        Map<String, String> wrong = Map.copyOf(env);
        assertThatThrownBy(() -> CofferServer.start(ServerConfig.fromEnvironment(withPort(wrong))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not the key this database's");
        env.put("COFFER_MASTER_KEY_FILE", other.resolveSibling("missing.key").toString());
        Map<String, String> missing = Map.copyOf(env);
        assertThatThrownBy(() -> CofferServer.start(ServerConfig.fromEnvironment(withPort(missing))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not exist");
        assertThat(other.resolveSibling("missing.key")).as("no key is invented for sealed data").doesNotExist();
    }

    @Test
    void keysLeftInClearByAnEarlierVersionAreSealedAtTheNextStart() {
        Map<String, String> env;
        String workspace;
        JsonNode admin;
        String address;
        try (TestServer server = TestServer.start(engine())) {
            env = new HashMap<>(server.env());
            Sandbox.Workspace ws = Sandbox.workspace(server);
            workspace = ws.name();
            admin = ws.admin();
            address = Sandbox.account(ws.client(), "bitcoin").path("address").asText();
        }
        KeyVault vault = new KeyVault(MasterKeyFile.read(Path.of(env.get("COFFER_MASTER_KEY_FILE"))), new SecureRandom());
        try (Database db = open(env)) {
            db.unitOfWork().write(tx -> {
                Sql.list(tx, "SELECT id, name, seed, token_key, leaf_key FROM workspace", row -> {
                    String name = row.getString("name");
                    Sql.update(tx, "UPDATE workspace SET seed = ?, token_key = ?, leaf_key = ? WHERE id = ?",
                            clear(vault, row.getString("seed"), name, "seed"),
                            clear(vault, row.getString("token_key"), name, "token_key"),
                            clear(vault, row.getString("leaf_key"), name, "leaf_key"), row.getLong("id"));
                    return null;
                });
                Sql.update(tx, "DELETE FROM master_key_probe");
                return io.coffer.common.Outcome.ok(null);
            }).orElseThrow();
        }
        try (TestServer again = TestServer.start(engine(), env)) {
            ApiClient client = Sandbox.bearerClient(again, workspace, admin);
            assertThat(client.get("/accounts?name=" + address).status()).isEqualTo(200);
            JsonNode accounts = client.get("/accounts").json();
            assertThat(accounts.path("edges").get(0).path("node").path("address").asText()).isEqualTo(address);
        }
        assertThat(dump(env)).doesNotContain(clearSpellings(env).getFirst());
    }

    private static String clear(KeyVault vault, String sealed, String workspace, String field) {
        return Base64.getEncoder().encodeToString(vault.open(sealed, KeyVault.workspacePlace(workspace, field)));
    }

    private static Map<String, String> withPort(Map<String, String> env) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put("COFFER_HTTP_PORT", "0");
        return copy;
    }
}
