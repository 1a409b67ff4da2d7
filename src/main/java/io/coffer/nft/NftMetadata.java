package io.coffer.nft;

import java.util.List;
import java.util.Optional;

/**
 * What a token's metadata says about it, as its first mint gave it.
 *
 * @param name the token's display name
 * @param media the URI of its image or other media
 * @param mediaType the media's MIME type, when known
 */
public record NftMetadata(String name, String media, Optional<String> mediaType, Optional<String> description,
                          List<Property> properties) {

    /** Bounds of what a mint may say. */
    public static final int MAX_NAME = 256;
    public static final int MAX_MEDIA = 2048;
    public static final int MAX_MEDIA_TYPE = 128;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_PROPERTIES = 50;
    public static final int MAX_KEY = 128;
    public static final int MAX_VALUE = 1024;

    public NftMetadata {
        properties = List.copyOf(properties);
    }

    /** One trait of a token, e.g. {@code background: blue}. */
    public record Property(String key, String value) {
    }
}
