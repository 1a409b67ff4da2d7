package io.coffer.network.db;

import io.coffer.common.Tx;
import io.coffer.db.Sql;
import io.coffer.network.Block;
import io.coffer.network.Networks;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link Networks} over JDBC. */
public final class JdbcNetworks implements Networks {

    @Override
    public void create(Tx tx, long workspaceId, Collection<String> names, Instant at, String genesisHash) {
        for (String name : names) {
            Sql.update(tx, "INSERT INTO network (workspace_id, name, height, tip_hash, tip_time) VALUES (?, ?, 0, ?, ?)",
                    workspaceId, name, genesisHash, at);
        }
    }

    @Override
    public Optional<Block> lockTip(Tx tx, long workspaceId, String network) {
        return Sql.one(tx, "SELECT height, tip_hash, tip_time FROM network WHERE workspace_id = ? AND name = ? FOR UPDATE",
                JdbcNetworks::block, workspaceId, network);
    }

    @Override
    public Optional<Block> tip(Tx tx, long workspaceId, String network) {
        return Sql.one(tx, "SELECT height, tip_hash, tip_time FROM network WHERE workspace_id = ? AND name = ?",
                JdbcNetworks::block, workspaceId, network);
    }

    @Override
    public Map<String, Long> heights(Tx tx, long workspaceId, Collection<String> networks) {
        if (networks.isEmpty()) {
            return Map.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(workspaceId);
        params.addAll(networks);
        Map<String, Long> result = new HashMap<>();
        Sql.list(tx, "SELECT name, height FROM network WHERE workspace_id = ? AND name IN ("
                        + networks.stream().map(n -> "?").collect(Collectors.joining(", ")) + ")",
                row -> result.put(row.getString("name"), row.getLong("height")), params.toArray());
        return result;
    }

    @Override
    public void setTip(Tx tx, long workspaceId, String network, Block tip) {
        Sql.update(tx, "UPDATE network SET height = ?, tip_hash = ?, tip_time = ? WHERE workspace_id = ? AND name = ?",
                tip.height(), tip.hash(), tip.time(), workspaceId, network);
    }

    @Override
    public Settings settings(Tx tx, long workspaceId, String network) {
        return Sql.one(tx, "SELECT failure_rate, block_interval_seconds FROM network WHERE workspace_id = ? AND name = ?",
                row -> {
                    java.math.BigDecimal failureRate = row.getBigDecimal(1);
                    int interval = row.getInt(2);
                    // wasNull speaks of the column read last: read the interval last.
                    return new Settings(failureRate, row.wasNull() ? Optional.empty() : Optional.of(interval));
                }, workspaceId, network).orElseThrow(() -> new IllegalStateException("no network " + network));
    }

    @Override
    public void configure(Tx tx, long workspaceId, String network, Settings settings, Instant now) {
        boolean timerChanged = !settings.blockIntervalSeconds().equals(settings(tx, workspaceId, network).blockIntervalSeconds());
        Sql.update(tx, "UPDATE network SET failure_rate = ?, block_interval_seconds = ? WHERE workspace_id = ? AND name = ?",
                settings.failureRate(), Sql.orNull(settings.blockIntervalSeconds(), Sql.NULL_BIGINT), workspaceId, network);
        if (timerChanged) {
            Sql.update(tx, "UPDATE network SET timer_since = ? WHERE workspace_id = ? AND name = ?",
                    settings.blockIntervalSeconds().isPresent() ? now : Sql.NULL_TIMESTAMP, workspaceId, network);
        }
    }

    @Override
    public Optional<Instant> timerSince(Tx tx, long workspaceId, String network) {
        return Sql.one(tx, "SELECT timer_since FROM network WHERE workspace_id = ? AND name = ? AND timer_since IS NOT NULL",
                row -> Sql.instant(row, 1), workspaceId, network);
    }

    @Override
    public List<Timed> timed(Tx tx) {
        return Sql.list(tx, "SELECT n.workspace_id, n.name, n.block_interval_seconds, n.tip_time, w.clock_offset_ms,"
                        + " n.timer_since FROM network n JOIN workspace w ON w.id = n.workspace_id"
                        + " WHERE n.block_interval_seconds IS NOT NULL",
                row -> {
                    Instant tip = Sql.instant(row, 4);
                    java.sql.Timestamp since = row.getTimestamp(6);
                    Instant from = since == null || Sql.instant(row, 6).isBefore(tip) ? tip : Sql.instant(row, 6);
                    return new Timed(row.getLong(1), row.getString(2), row.getInt(3), from, row.getLong(5));
                });
    }

    private static Block block(ResultSet row) throws SQLException {
        return new Block(row.getLong("height"), row.getString("tip_hash"), Sql.instant(row, "tip_time"));
    }
}
