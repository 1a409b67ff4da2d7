package io.coffer.nft;

import java.math.BigInteger;
import java.util.Optional;

/** The floor price set for a collection on a network, in wei; empty when it was cleared. */
public record FloorPrice(String currency, String contractAddress, Optional<BigInteger> wei) {
}
