package io.coffer;

import io.coffer.keys.ApproverKeys;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code coffer keygen --out FILE}: an approver's P-256 key pair, for people who should not have to write crypto. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = "Write a new P-256 private key (PEM, owner-only) to FILE and print its public key in the form the"
                + " API registers (04 followed by 128 hex digits).")
final class KeygenCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the private key (must not exist)")
    Path out;

    @Override
    public Integer call() {
        try {
            KeyPair pair = ApproverKeys.generate(new SecureRandom());
            ApproverKeys.writePrivate(out, pair);
            System.out.println(ApproverKeys.publicHex(pair));
            System.err.println("coffer: private key written to " + out + " (keep it secret); its public key is above");
            return 0;
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            System.err.println("coffer: " + e.getMessage());
            return Main.SETUP_FAILED;
        }
    }
}
