package io.coffer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Engine;
import io.coffer.testing.LiveWorkspace;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerProcess;
import io.coffer.testing.TestServer;
import io.coffer.user.SignedChallenge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The commands beside {@code serve}, each run in its own process as a user runs it: keygen and sign
 * for approvers who should not write crypto, and the first key of a live workspace made without one.
 */
class CommandLineTest {

    /** Runs {@code coffer ARGS} and answers its exit status and output. */
    record Run(int status, String output) {
        String lastLine() {
            List<String> lines = output.lines().filter(line -> !line.isBlank() && !line.startsWith("WARNING")
                    && !line.startsWith("coffer:")).toList();
            return lines.isEmpty() ? "" : lines.getLast();
        }
    }

    static Run coffer(Path data, Map<String, String> env, String... args) throws IOException, InterruptedException {
        ServerProcess run = ServerProcess.launch(List.of(args), data, 0, env);
        assertThat(run.process().waitFor(120, TimeUnit.SECONDS)).as("coffer " + String.join(" ", args) + " finished").isTrue();
        return new Run(run.process().exitValue(), run.output());
    }

    @Test
    void keygenWritesAnOwnerOnlyKeyAndSignMakesTheJwsTheServerAccepts() throws Exception {
        Path dir = Engine.tempDir("keygen");
        Path key = dir.resolve("approver.pem");
        Run keygen = coffer(dir.resolve("unused"), Map.of(), "keygen", "--out", key.toString());
        assertThat(keygen.status()).as(keygen.output()).isZero();
        String publicKey = keygen.lastLine();
        assertThat(publicKey).matches("04[0-9a-f]{128}");
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.getPosixFilePermissions(key)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        assertThat(coffer(dir.resolve("unused"), Map.of(), "keygen", "--out", key.toString()).status())
                .as("a key file is never overwritten").isEqualTo(Main.SETUP_FAILED);

        try (TestServer server = TestServer.start(Engine.H2)) {
            String name = Sandbox.uniqueName("cli");
            JsonNode admin = server.anonymous().post("/sandbox/workspaces", Map.of("name", name, "public_key", publicKey))
                    .get("api_user");
            ApiClient client = Sandbox.bearerClient(server, name, admin);
            long account = Sandbox.account(client, Map.of("name", "ops", "currency", "ethereum")).path("id").asLong();
            Sandbox.deposit(client, account, "1000000000000000000");
            Sandbox.mine(client, "ethereum", 12);
            long request = client.post("/requests", io.coffer.testing.Governed.send(client.get("/accounts/" + account)
                            .json(), "ETHEREUM_LIKE_SEND", "1000", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                    "10000000000000000", io.coffer.testing.Governed.speed("NORMAL"))).id();
            String challenge = client.get("/requests/" + request + "/challenge").text("challenge");
            Run sign = coffer(dir.resolve("unused"), Map.of(), "sign", "--key", key.toString(), "--challenge", challenge);
            assertThat(sign.status()).as(sign.output()).isZero();
            String jws = sign.lastLine();
            assertThat(SignedChallenge.problem(jws, java.util.Base64.getUrlDecoder().decode(challenge), publicKey)).isEmpty();
            assertThat(new String(java.util.Base64.getUrlDecoder().decode(jws.split("\\.")[0]))).isEqualTo("{\"alg\":\"ES256\"}");
            ApiResponse approved = client.post("/requests/" + request + "/approve", Map.of("jws", jws));
            assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
            assertThat(approved.text("status")).isEqualTo("SUBMITTED");
        }
    }

    @Test
    void signReadsTheSec1KeysTheGuidesToolsWrite() throws Exception {
        Path dir = Engine.tempDir("sec1");
        java.security.KeyPair pair = io.coffer.keys.ApproverKeys.generate(new java.security.SecureRandom());
        Path key = dir.resolve("sec1.pem");
        // The SEC1 form with its curve, as OpenSSL and Python's cryptography write it ("TraditionalOpenSSL").
        java.security.interfaces.ECPrivateKey ec = (java.security.interfaces.ECPrivateKey) pair.getPrivate();
        byte[] sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, ec.getS(), null,
                org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp256r1).getEncoded();
        try (var writer = new org.bouncycastle.util.io.pem.PemWriter(Files.newBufferedWriter(key))) {
            writer.writeObject(new org.bouncycastle.util.io.pem.PemObject("EC PRIVATE KEY", sec1));
        }
        assertThat(Files.readString(key)).contains("BEGIN EC PRIVATE KEY");
        String challenge = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"x\":1}".getBytes());
        Run sign = coffer(dir.resolve("unused"), Map.of(), "sign", "--key", key.toString(), "--challenge", challenge);
        assertThat(sign.status()).as(sign.output()).isZero();
        assertThat(SignedChallenge.verifies(sign.lastLine(), io.coffer.keys.ApproverKeys.publicHex(pair))).isTrue();
        Run garbage = coffer(dir.resolve("unused"), Map.of(), "sign", "--key", dir.resolve("missing.pem").toString(),
                "--challenge", challenge);
        assertThat(garbage.status()).isEqualTo(Main.SETUP_FAILED);
        assertThat(garbage.output()).contains("no key file");
    }

    /** A live workspace made without a key: its admin registers the first one by signing with it. */
    @Test
    void aLiveAdminWithoutAKeyRegistersItsFirstOneThroughARequest() throws Exception {
        LiveWorkspace live = LiveWorkspace.create(Engine.H2, "keyless", List.of());
        try (TestServer server = live.start(Engine.H2)) {
            ApiClient admin = Sandbox.bearerClient(server, live.name(), live.admin());
            long adminId = live.admin().path("id").asLong();
            io.coffer.testing.ApproverKey key = io.coffer.testing.ApproverKey.generate();
            long request = admin.post("/requests", Map.of("type", "MIGRATE_ADMIN", "data", Map.of("user_id", adminId,
                    "public_key", key.publicHex()))).id();
            String challenge = admin.get("/requests/" + request + "/challenge").text("challenge");
            ApiResponse wrong = admin.post("/requests/" + request + "/approve",
                    Map.of("jws", io.coffer.testing.ApproverKey.generate().sign(challenge)));
            assertThat(wrong.status()).as("another key proves nothing").isEqualTo(400);
            challenge = admin.get("/requests/" + request + "/challenge").text("challenge");
            ApiResponse registered = admin.post("/requests/" + request + "/approve", Map.of("jws", key.sign(challenge)));
            assertThat(registered.text("status")).as(registered.raw()).isEqualTo("APPROVED");
            assertThat(admin.get("/accounts").status()).as("the old API key ends with the key change").isEqualTo(401);
            ApiClient anonymous = server.anonymous().with("X-Ledger-Workspace", live.name());
            String claim = anonymous.get("/auth/api-access/challenge?username=admin").text("challenge");
            admin = Sandbox.bearerClient(server, live.name(), anonymous.post("/auth/api-access",
                    Map.of("jws", key.sign(claim))).get("api_user"));
            long next = admin.post("/requests", Map.of("type", "UPDATE_QUORUM", "data", Map.of("quorum", 1))).id();
            challenge = admin.get("/requests/" + next + "/challenge").text("challenge");
            assertThat(admin.post("/requests/" + next + "/approve", Map.of("jws", key.sign(challenge))).text("status"))
                    .isEqualTo("APPROVED");
        }
    }

    @Test
    void workspaceCreateRefusesATakenNameAndABusyEmbeddedDatabase() throws Exception {
        LiveWorkspace live = LiveWorkspace.create(Engine.H2, "first", List.of());
        Path data = Path.of(live.env().get("COFFER_DATA_DIR"));
        Run again = coffer(data, live.env(), "workspace", "create", "--name", "first");
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.output()).contains("already exists");
        int port = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(data, port, live.env())) {
            Run busy = coffer(data, live.env(), "workspace", "create", "--name", "second");
            assertThat(busy.status()).isEqualTo(Main.SETUP_FAILED);
            assertThat(busy.output()).contains("is in use by another Coffer");
        }
    }

    @Test
    void rotateMasterResealsEveryWorkspaceAndKeepsThePreviousKeyAside() throws Exception {
        Map<String, String> env;
        String workspace;
        JsonNode admin;
        String addressJwt;
        try (TestServer server = TestServer.start(Engine.H2)) {
            env = new java.util.HashMap<>(server.env());
            Sandbox.Workspace ws = Sandbox.workspace(server);
            workspace = ws.name();
            admin = ws.admin();
            long account = Sandbox.account(ws.client(), "ethereum").path("id").asLong();
            addressJwt = ws.client().get("/accounts/" + account + "/address").json().asText();
        }
        Path keyFile = Path.of(env.get("COFFER_MASTER_KEY_FILE"));
        byte[] before = Files.readAllBytes(keyFile);
        Run rotated = coffer(Path.of(env.get("COFFER_DATA_DIR")), env, "keys", "rotate-master");
        assertThat(rotated.status()).as(rotated.output()).isZero();
        assertThat(rotated.output()).contains("master key rotated").contains("1 workspaces resealed");
        assertThat(Files.readAllBytes(keyFile)).isNotEqualTo(before);
        assertThat(Files.readAllBytes(Path.of(keyFile + ".previous"))).isEqualTo(before);
        assertThat(Path.of(keyFile + ".new")).doesNotExist();
        assertThat(Files.getPosixFilePermissions(keyFile)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        try (TestServer server = TestServer.start(Engine.H2, env)) {
            ApiClient client = Sandbox.bearerClient(server, workspace, admin);
            long account = client.get("/accounts").get("edges").get(0).path("node").path("id").asLong();
            assertThat(client.get("/accounts/" + account + "/address").json().asText().split("\\.")[1])
                    .as("the same signing key signs the same address").isEqualTo(addressJwt.split("\\.")[1]);
        }
        Map<String, String> previous = new java.util.HashMap<>(env);
        previous.put("COFFER_MASTER_KEY_FILE", keyFile + ".previous");
        Run refused = coffer(Path.of(env.get("COFFER_DATA_DIR")), previous, "keys", "rotate-master");
        assertThat(refused.status()).isEqualTo(Main.SETUP_FAILED);
        assertThat(refused.output()).contains("is not the key this database's");
    }
}
