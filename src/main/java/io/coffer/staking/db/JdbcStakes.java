package io.coffer.staking.db;

import io.coffer.common.Amount;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import io.coffer.db.Search;
import io.coffer.db.Sql;
import io.coffer.staking.Chain;
import io.coffer.staking.Reward;
import io.coffer.staking.Stake;
import io.coffer.staking.StakeFilter;
import io.coffer.staking.StakeOperation;
import io.coffer.staking.StakeStatus;
import io.coffer.staking.Stakes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Stakes} over JDBC. */
public final class JdbcStakes implements Stakes {

    private static final String COLUMNS = "s.id, s.workspace_id, s.account_id, s.chain, s.uid, s.status, s.amount,"
            + " s.validator, s.address, s.creation_tx, s.created_by, s.created_on, s.last_request, s.pending_tx,"
            + " s.activated_on, s.deactivated_on, s.accrued_until, s.carry, s.total_reward";
    private static final Map<String, String> ORDER_COLUMNS = Map.of("created_on", "s.created_on", "id", "s.id",
            "status", "s.status", "amount", "s.amount");
    /** A stopped stake whose stop left rewards owed (more periods than one pass pays). */
    private static final String STOPPED_OWED = "s.status IN ('DEACTIVATED', 'DELETED') AND s.accrued_until < s.deactivated_on";
    private static final String REWARD_COLUMNS = "r.id, r.stake_id, s.uid, r.account_id, r.period, r.period_start,"
            + " r.paid_on, r.amount, r.stake_balance, r.accumulated, r.rate_bps";

    @Override
    public long create(Tx tx, Stake s) {
        return Sql.insert(tx, """
                INSERT INTO stake (workspace_id, account_id, chain, uid, status, amount, validator, address, creation_tx,
                                   created_by, created_on, last_request, pending_tx, activated_on, deactivated_on,
                                   accrued_until, carry, total_reward)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                s.workspaceId(), s.accountId(), s.chain(), s.uid(), s.status(), s.amount(), s.validator(), s.address(),
                s.creationTx(), s.createdBy(), s.createdOn(), Sql.orNull(s.lastRequest(), Sql.NULL_BIGINT),
                Sql.orNull(s.pendingTx(), Sql.NULL_BIGINT), Sql.orNull(s.activatedOn(), Sql.NULL_TIMESTAMP),
                Sql.orNull(s.deactivatedOn(), Sql.NULL_TIMESTAMP), Sql.orNull(s.accruedUntil(), Sql.NULL_TIMESTAMP),
                s.carry(), s.totalReward());
    }

    @Override
    public void update(Tx tx, Stake s) {
        Sql.update(tx, """
                UPDATE stake SET status = ?, last_request = ?, pending_tx = ?, activated_on = ?, deactivated_on = ?,
                                 accrued_until = ?, carry = ?, total_reward = ?
                WHERE id = ?""",
                s.status(), Sql.orNull(s.lastRequest(), Sql.NULL_BIGINT), Sql.orNull(s.pendingTx(), Sql.NULL_BIGINT),
                Sql.orNull(s.activatedOn(), Sql.NULL_TIMESTAMP), Sql.orNull(s.deactivatedOn(), Sql.NULL_TIMESTAMP),
                Sql.orNull(s.accruedUntil(), Sql.NULL_TIMESTAMP), s.carry(), s.totalReward(), s.id());
    }

    @Override
    public Optional<Stake> find(Tx tx, long workspaceId, long stakeId) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM stake s WHERE s.id = ? AND s.workspace_id = ?", JdbcStakes::map,
                stakeId, workspaceId);
    }

    @Override
    public Optional<Stake> findByUid(Tx tx, long accountId, String uid) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM stake s WHERE s.account_id = ? AND s.uid = ?", JdbcStakes::map,
                accountId, uid);
    }

    @Override
    public Optional<Stake> lock(Tx tx, long stakeId) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM stake s WHERE s.id = ? FOR UPDATE", JdbcStakes::map, stakeId);
    }

    @Override
    public Page<Stake> search(Tx tx, long accountId, StakeFilter filter, PageRequest page) {
        long workspaceId = Sql.one(tx, "SELECT workspace_id FROM account WHERE id = ?", row -> row.getLong(1), accountId)
                .orElseThrow();
        return new Search("stake", "s", workspaceId)
                .and("s.account_id = ?", accountId)
                .and(filter.id(), "s.id = ?")
                .and(filter.creationTx(), "s.creation_tx = ?")
                .in(filter.stakeUids(), "s.uid")
                .in(filter.statuses().stream().map(Enum::name).toList(), "s.status")
                .and(filter.createdAfter(), "s.created_on > ?")
                .and(filter.createdBefore(), "s.created_on < ?")
                .page(tx, COLUMNS, ORDER_COLUMNS, page, JdbcStakes::map);
    }

    @Override
    public List<Stake> ofAccount(Tx tx, long accountId, int limit) {
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM stake s WHERE s.account_id = ? ORDER BY s.created_on DESC, s.id DESC"
                + " LIMIT ?", JdbcStakes::map, accountId, limit);
    }

    @Override
    public Map<StakeStatus, Amount> sumsByStatus(Tx tx, long accountId) {
        Map<StakeStatus, Amount> sums = new EnumMap<>(StakeStatus.class);
        Sql.list(tx, "SELECT status, SUM(amount) FROM stake WHERE account_id = ? GROUP BY status",
                row -> Map.entry(StakeStatus.valueOf(row.getString(1)), Sql.amount(row, 2)), accountId)
                .forEach(entry -> sums.put(entry.getKey(), entry.getValue()));
        return sums;
    }

    @Override
    public Amount heldOutside(Tx tx, long accountId) {
        return Sql.list(tx, "SELECT COALESCE(SUM(amount), 0) FROM stake WHERE account_id = ? AND (status IN"
                        + " ('ACTIVE', 'DEACTIVATING') OR (status = 'DEACTIVATED' AND chain = 'SOLANA'))",
                row -> Sql.amount(row, 1), accountId).get(0);
    }

    @Override
    public List<Stake> accruing(Tx tx, long workspaceId, Chain chain, Instant before, int limit) {
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM stake s WHERE s.workspace_id = ? AND s.chain = ?"
                        + " AND ((s.status = 'ACTIVE' AND s.accrued_until < ?) OR (" + STOPPED_OWED + "))"
                        + " ORDER BY s.id LIMIT ?", JdbcStakes::map,
                workspaceId, chain, before, limit);
    }

    @Override
    public Duration clockOffset(Tx tx, long workspaceId) {
        return Duration.ofMillis(Sql.one(tx, "SELECT clock_offset_ms FROM workspace WHERE id = ?", row -> row.getLong(1),
                workspaceId).orElse(0L));
    }

    @Override
    public List<Long> workspacesWithActiveStakes(Tx tx, long afterWorkspaceId, int limit) {
        return Sql.list(tx, "SELECT DISTINCT s.workspace_id FROM stake s WHERE s.workspace_id > ?"
                        + " AND (s.status = 'ACTIVE' OR (" + STOPPED_OWED + ")) ORDER BY s.workspace_id LIMIT ?",
                row -> row.getLong(1), afterWorkspaceId, limit);
    }

    @Override
    public void addAction(Tx tx, long workspaceId, Action action) {
        Sql.update(tx, "INSERT INTO stake_action (transaction_id, workspace_id, stake_id, operation, reserved, fee)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", action.transactionId(), workspaceId, action.stakeId(),
                action.operation(), action.reserved(), action.fee());
    }

    @Override
    public Optional<Action> action(Tx tx, long transactionId) {
        return Sql.one(tx, "SELECT transaction_id, stake_id, operation, reserved, fee FROM stake_action"
                        + " WHERE transaction_id = ?", row -> new Action(row.getLong(1), row.getLong(2),
                        StakeOperation.valueOf(row.getString(3)), Sql.amount(row, 4), Sql.amount(row, 5)),
                transactionId);
    }

    @Override
    public void addReward(Tx tx, long workspaceId, Reward r) {
        Sql.insert(tx, """
                INSERT INTO stake_reward (workspace_id, stake_id, account_id, period, period_start, paid_on, amount,
                                          stake_balance, accumulated, rate_bps)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", workspaceId, r.stakeId(), r.accountId(), r.period(),
                r.periodStart(), r.paidOn(), r.amount(), r.stakeBalance(), r.accumulated(), r.rateBps());
    }

    @Override
    public List<Reward> rewards(Tx tx, long accountId, Optional<Long> stakeId, Optional<Instant> from, Optional<Instant> to,
                                Optional<Long> fromPeriod, Optional<Long> toPeriod, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + REWARD_COLUMNS
                + " FROM stake_reward r JOIN stake s ON s.id = r.stake_id WHERE r.account_id = ?");
        List<Object> params = new ArrayList<>(List.of(accountId));
        stakeId.ifPresent(id -> {
            sql.append(" AND r.stake_id = ?");
            params.add(id);
        });
        from.ifPresent(at -> {
            sql.append(" AND r.paid_on >= ?");
            params.add(at);
        });
        to.ifPresent(at -> {
            sql.append(" AND r.paid_on <= ?");
            params.add(at);
        });
        fromPeriod.ifPresent(period -> {
            sql.append(" AND r.period >= ?");
            params.add(period);
        });
        toPeriod.ifPresent(period -> {
            sql.append(" AND r.period <= ?");
            params.add(period);
        });
        sql.append(" ORDER BY r.paid_on DESC, r.id DESC LIMIT ?");
        params.add(limit);
        return Sql.list(tx, sql.toString(), row -> new Reward(row.getLong(1), row.getLong(2), row.getString(3),
                row.getLong(4), row.getLong(5), Sql.instant(row, 6), Sql.instant(row, 7), Sql.amount(row, 8),
                Sql.amount(row, 9), Sql.amount(row, 10), row.getInt(11)), params.toArray());
    }

    @Override
    public Amount rewardSum(Tx tx, long accountId, Optional<Instant> since) {
        Sql.RowMapper<Amount> sumOf = row -> row.getBigDecimal(1) == null ? Amount.ZERO
                : new Amount(row.getBigDecimal(1).toBigIntegerExact());
        Optional<Amount> sum = since.isPresent()
                ? Sql.one(tx, "SELECT SUM(amount) FROM stake_reward WHERE account_id = ? AND paid_on > ?", sumOf,
                        accountId, since.get())
                : Sql.one(tx, "SELECT SUM(amount) FROM stake_reward WHERE account_id = ?", sumOf, accountId);
        return sum.orElse(Amount.ZERO);
    }

    @Override
    public Optional<Integer> rate(Tx tx, long workspaceId, Chain chain) {
        return Sql.one(tx, "SELECT rate_bps FROM staking_rate WHERE workspace_id = ? AND chain = ?", row -> row.getInt(1),
                workspaceId, chain);
    }

    @Override
    public void setRate(Tx tx, long workspaceId, Chain chain, int rateBps, Instant at) {
        if (Sql.update(tx, "UPDATE staking_rate SET rate_bps = ?, updated_on = ? WHERE workspace_id = ? AND chain = ?",
                rateBps, at, workspaceId, chain) == 0) {
            Sql.update(tx, "INSERT INTO staking_rate (workspace_id, chain, rate_bps, updated_on) VALUES (?, ?, ?, ?)",
                    workspaceId, chain, rateBps, at);
        }
    }

    private static Stake map(ResultSet row) throws SQLException {
        return new Stake(row.getLong(1), row.getLong(2), row.getLong(3), Chain.valueOf(row.getString(4)), row.getString(5),
                StakeStatus.valueOf(row.getString(6)), Sql.amount(row, 7), row.getString(8), row.getString(9),
                row.getLong(10), row.getLong(11), Sql.instant(row, 12), Sql.optionalLong(row, 13),
                Sql.optionalLong(row, 14), optionalInstant(row, 15), optionalInstant(row, 16), optionalInstant(row, 17),
                row.getBigDecimal(18).toBigIntegerExact(), Sql.amount(row, 19));
    }

    private static Optional<Instant> optionalInstant(ResultSet row, int column) throws SQLException {
        return row.getObject(column) == null ? Optional.empty() : Optional.of(Sql.instant(row, column));
    }
}
