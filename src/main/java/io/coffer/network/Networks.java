package io.coffer.network;

import io.coffer.common.Tx;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The simulated chains of a workspace: one tip per network. */
public interface Networks {

    /** Creates the networks of a new workspace at height 0. */
    void create(Tx tx, long workspaceId, Collection<String> names, Instant at, String genesisHash);

    /** The tip of a network, locked until the transaction ends (block production is serial). */
    Optional<Block> lockTip(Tx tx, long workspaceId, String network);

    Optional<Block> tip(Tx tx, long workspaceId, String network);

    /** The heights of several networks' tips. */
    Map<String, Long> heights(Tx tx, long workspaceId, Collection<String> networks);

    void setTip(Tx tx, long workspaceId, String network, Block tip);
}
