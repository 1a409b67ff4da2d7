package io.coffer.network;

import io.coffer.common.Tx;
import java.time.Instant;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
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

    /**
     * The simulation settings of a network.
     *
     * @param failureRate the chance, 0 to 1, that the network refuses a broadcast
     * @param blockIntervalSeconds produce a block this often, on the workspace clock; empty means
     *     blocks come only from the sandbox
     */
    record Settings(BigDecimal failureRate, Optional<Integer> blockIntervalSeconds) {
    }

    Settings settings(Tx tx, long workspaceId, String network);

    /**
     * Stores a network's settings; when its block interval is turned on or changed, the timer starts
     * at {@code now} (blocks are owed from then, never for the time before).
     */
    void configure(Tx tx, long workspaceId, String network, Settings settings, Instant now);

    /**
     * A network that produces blocks on a timer.
     *
     * @param since when blocks started being owed: the later of its last block and the moment its
     *     timer was turned on or changed
     */
    record Timed(long workspaceId, String name, int intervalSeconds, Instant since, long clockOffsetMillis) {
    }

    /** When a network's timer was last turned on or changed, if it ever was. */
    Optional<Instant> timerSince(Tx tx, long workspaceId, String network);

    /** Every network with a block interval, across workspaces. */
    List<Timed> timed(Tx tx);
}
