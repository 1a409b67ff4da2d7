package io.coffer;

import io.coffer.keys.ApproverKeys;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code coffer sign --key FILE --challenge B64URL}: the JWS that approves (or rejects) with that challenge. */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = "Print the compact ES256 JWS of a challenge (from GET /requests/{id}/challenge, /challenge/reject or"
                + " /auth/api-access/challenge) signed with a P-256 private key file: the value of \"jws\".")
final class SignCommand implements Callable<Integer> {

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "the PEM private key (from coffer keygen)")
    Path key;

    @Option(names = "--challenge", required = true, paramLabel = "B64URL", description = "the challenge, as the API answered it")
    String challenge;

    @Override
    public Integer call() {
        try {
            System.out.println(ApproverKeys.signChallenge(ApproverKeys.read(key), challenge));
            return 0;
        } catch (IllegalStateException e) {
            System.err.println("coffer: " + e.getMessage());
            return Main.SETUP_FAILED;
        }
    }
}
