package io.coffer.label.http;

import io.coffer.label.Label;
import java.time.Instant;

/** The spec's {@code Label}, {@code LiteLabel} and {@code LabelInfo}. */
public final class LabelJson {

    private LabelJson() {
    }

    public record InfoView(String color, String description) {
    }

    public record LabelView(long createdBy, Instant createdOn, long id, InfoView info, String name, long updatedBy,
                            Instant updatedOn) {
    }

    public record LiteLabelView(long id, InfoView info, String name) {
    }

    public static LabelView of(Label label) {
        return new LabelView(label.createdBy(), label.createdOn(), label.id(), info(label), label.name(), label.updatedBy(),
                label.updatedOn());
    }

    public static LiteLabelView lite(Label label) {
        return new LiteLabelView(label.id(), info(label), label.name());
    }

    private static InfoView info(Label label) {
        return new InfoView(label.color(), label.description());
    }
}
