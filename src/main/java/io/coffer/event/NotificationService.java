package io.coffer.event;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.UnitOfWork;
import io.coffer.keys.KeyVault;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Optional;

/**
 * {@code GET} and {@code PUT /notifications/configuration}: each user (reporting keys too) sets the
 * webhook its events are posted to. The secret is sealed under the master key, since it must be
 * read back to sign, and is never answered in clear.
 */
public final class NotificationService {

    /** The longest secret accepted. */
    public static final int MAX_SECRET_LENGTH = 256;

    /** The webhook asked for: a URL and a secret. */
    public record WebhookInput(String url, String secret) {
    }

    private final UnitOfWork unitOfWork;
    private final NotificationConfigs configs;
    private final WebhookAddresses addresses;
    private final KeyVault vault;
    private final InstantSource clock;

    public NotificationService(UnitOfWork unitOfWork, NotificationConfigs configs, WebhookAddresses addresses,
                               KeyVault vault, InstantSource clock) {
        this.unitOfWork = unitOfWork;
        this.configs = configs;
        this.addresses = addresses;
        this.vault = vault;
        this.clock = clock;
    }

    /** The caller's configuration, or not found when it never set one. */
    public Outcome<Optional<Webhook>> get(Caller caller) {
        return unitOfWork.read(tx -> configs.find(tx, caller.userId()))
                .<Outcome<Optional<Webhook>>>map(stored -> Outcome.ok(shown(stored)))
                .orElseGet(() -> Outcome.notFound("no notification configuration was set for user " + caller.userId()));
    }

    /**
     * Sets (or, with no webhook, switches off) the caller's webhook. A secret equal to the masked form
     * of the current one keeps the current one, so a configuration read and written back is unchanged.
     */
    public Outcome<Optional<Webhook>> put(Caller caller, Optional<WebhookInput> webhook) {
        if (webhook.isEmpty()) {
            return unitOfWork.write(tx -> {
                configs.save(tx, caller.workspaceId(), caller.userId(),
                        new NotificationConfigs.Stored(Optional.empty(), Optional.empty(), ""), clock.instant());
                return Outcome.ok(Optional.empty());
            });
        }
        String secret = webhook.get().secret();
        if (secret.isEmpty() || secret.length() > MAX_SECRET_LENGTH || !secret.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return Outcome.invalid("field 'secret' must be 1 to " + MAX_SECRET_LENGTH + " printable ASCII characters");
        }
        return addresses.check(webhook.get().url(), caller.kind()).flatMap(uri -> unitOfWork.write(tx -> {
            Optional<NotificationConfigs.Stored> current = configs.find(tx, caller.userId())
                    .filter(stored -> stored.sealedSecret().isPresent());
            NotificationConfigs.Stored stored;
            if (current.isPresent() && secret.equals(Webhook.mask(current.get().secretHint()))) {
                stored = new NotificationConfigs.Stored(Optional.of(webhook.get().url()), current.get().sealedSecret(),
                        current.get().secretHint());
            } else {
                stored = new NotificationConfigs.Stored(Optional.of(webhook.get().url()),
                        Optional.of(vault.seal(secret.getBytes(StandardCharsets.UTF_8), place(caller.userId()))),
                        Webhook.hint(secret));
            }
            configs.save(tx, caller.workspaceId(), caller.userId(), stored, clock.instant());
            return Outcome.ok(shown(stored));
        }));
    }

    /** What the sealed secret of a user's webhook is bound to: it opens for that user only. */
    static String place(long userId) {
        return "webhook_secret:" + userId;
    }

    private static Optional<Webhook> shown(NotificationConfigs.Stored stored) {
        return stored.url().map(url -> new Webhook(url, Webhook.mask(stored.secretHint())));
    }
}
