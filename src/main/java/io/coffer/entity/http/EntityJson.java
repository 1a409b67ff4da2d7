package io.coffer.entity.http;

import io.coffer.entity.Entity;
import java.time.Instant;
import java.util.List;

/** The spec's {@code Entity}. */
public record EntityJson(List<Long> accounts, long createdBy, Instant createdOn, long id, Long lastRequest, String name,
                         String status) {

    public static EntityJson of(Entity entity) {
        return new EntityJson(entity.accounts(), entity.createdBy(), entity.createdOn(), entity.id(),
                entity.lastRequest().orElse(null), entity.name(), entity.status().name());
    }
}
