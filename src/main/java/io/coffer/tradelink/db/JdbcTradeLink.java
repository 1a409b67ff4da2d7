package io.coffer.tradelink.db;

import io.coffer.common.Amount;
import io.coffer.common.Caller;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import io.coffer.db.Search;
import io.coffer.db.Sql;
import io.coffer.db.Visibility;
import io.coffer.tradelink.Party;
import io.coffer.tradelink.PartyRole;
import io.coffer.tradelink.Pledge;
import io.coffer.tradelink.PledgeChange;
import io.coffer.tradelink.PledgeFilter;
import io.coffer.tradelink.PledgeState;
import io.coffer.tradelink.Settlement;
import io.coffer.tradelink.TradeLinkStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@link TradeLinkStore} over JDBC. Effective states are computed in SQL from the outbound
 * transaction's status, so the state filter of the pledge search sees what reads answer.
 */
public final class JdbcTradeLink implements TradeLinkStore {

    private static final String PARTY = "id, workspace_id, role, name, code, approver_group_id, whitelist_id, created_on";
    /** The state a pledge reads: consumed once its settlement's outbound transaction confirmed. */
    private static final String PLEDGE_STATE = "CASE WHEN p.state = 'ASSIGNED_TO_SETTLEMENT' AND EXISTS (SELECT 1 FROM"
            + " settlement ps JOIN txn pt ON pt.id = ps.outbound_transaction_id WHERE ps.pledge_id = p.id"
            + " AND ps.state <> 'CANCELED' AND pt.status = 'CONFIRMED') THEN 'PLEDGE_CONSUMED' ELSE p.state END";
    private static final String PLEDGE = "p.id, p.subaccount_id, p.workspace_id, p.account_id, p.asset_manager_id,"
            + " p.exchange_id, p.settlement_account_id, p.amount, p.pending, p.reserved, " + PLEDGE_STATE
            + ", p.created_on, p.updated_on";
    /** Who sees a pledge besides admins: users who see its account, and its exchange's approvers (the caller twice). */
    private static final String PLEDGE_VISIBLE = Visibility.account("p.account_id") + " OR EXISTS (SELECT 1 FROM"
            + " tradelink_party vx JOIN group_member vxm ON vxm.group_id = vx.approver_group_id WHERE vx.id = p.exchange_id"
            + " AND vxm.user_id = ?)";
    private static final String SETTLEMENT = "s.id, s.workspace_id, s.pledge_id, s.meta, s.amount, CASE WHEN t.status ="
            + " 'CONFIRMED' AND s.state <> 'CANCELED' THEN 'OUTBOUND_TRANSACTION_CONFIRMED' ELSE s.state END,"
            + " s.outbound_request_id, s.outbound_transaction_id, t.tx_hash, t.status, s.inbound_transaction_id,"
            + " s.recovery_max_fee, s.created_by, s.created_on";

    @Override
    public long createParty(Tx tx, long workspaceId, PartyRole role, String name, String code, long groupId,
                            long whitelistId, Instant at) {
        return Sql.insert(tx, "INSERT INTO tradelink_party (workspace_id, role, name, code, approver_group_id, whitelist_id,"
                + " created_on) VALUES (?, ?, ?, ?, ?, ?, ?)", workspaceId, role, name, code, groupId, whitelistId, at);
    }

    @Override
    public Optional<Party> party(Tx tx, long workspaceId, long partyId) {
        return Sql.one(tx, "SELECT " + PARTY + " FROM tradelink_party WHERE id = ? AND workspace_id = ?",
                row -> party(row, 1), partyId, workspaceId);
    }

    @Override
    public boolean codeTaken(Tx tx, long workspaceId, PartyRole role, String code) {
        return Sql.count(tx, "SELECT COUNT(*) FROM tradelink_party WHERE workspace_id = ? AND role = ? AND code = ?",
                workspaceId, role, code) > 0;
    }

    @Override
    public long createPledge(Tx tx, Pledge pledge) {
        Sql.update(tx, "INSERT INTO pledge (id, workspace_id, account_id, asset_manager_id, exchange_id,"
                        + " settlement_account_id, amount, pending, reserved, state, created_on, updated_on)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", pledge.id(), pledge.workspaceId(), pledge.accountId(),
                pledge.assetManager().id(), pledge.exchange().id(), pledge.settlementAccountId(), pledge.amount(),
                pledge.pending(), pledge.reserved(), pledge.state(), pledge.createdOn(), pledge.updatedOn());
        return Sql.one(tx, "SELECT subaccount_id FROM pledge WHERE id = ?", row -> row.getLong(1), pledge.id()).orElseThrow();
    }

    @Override
    public Optional<Pledge> pledge(Tx tx, long workspaceId, String pledgeId) {
        return pledgeWhere(tx, "p.id = ? AND p.workspace_id = ?", pledgeId, workspaceId);
    }

    @Override
    public Optional<Pledge> pledgeBySubaccount(Tx tx, long workspaceId, long subaccountId) {
        return pledgeWhere(tx, "p.subaccount_id = ? AND p.workspace_id = ?", subaccountId, workspaceId);
    }

    @Override
    public Optional<Pledge> lockPledge(Tx tx, long workspaceId, String pledgeId) {
        Sql.one(tx, "SELECT id FROM pledge WHERE id = ? AND workspace_id = ? FOR UPDATE", row -> row.getString(1),
                pledgeId, workspaceId);
        return pledge(tx, workspaceId, pledgeId);
    }

    @Override
    public Optional<Pledge> visiblePledge(Tx tx, Caller caller, String pledgeId) {
        if (caller.seesEverything()) {
            return pledge(tx, caller.workspaceId(), pledgeId);
        }
        return pledgeWhere(tx, "p.id = ? AND p.workspace_id = ? AND (" + PLEDGE_VISIBLE + ")", pledgeId,
                caller.workspaceId(), caller.userId(), caller.userId());
    }

    @Override
    public Page<Pledge> search(Tx tx, Caller caller, PledgeFilter filter, PageRequest page) {
        Search search = new Search("pledge", "p", caller.workspaceId());
        if (!caller.seesEverything()) {
            search.and(PLEDGE_VISIBLE, caller.userId(), caller.userId());
        }
        search.and(filter.accountId(), "p.account_id = ?")
                .and(filter.assetManagerId(), "p.asset_manager_id = ?")
                .and(filter.exchangeId(), "p.exchange_id = ?")
                .in(filter.states().stream().map(Enum::name).toList(), PLEDGE_STATE);
        Page<String> ids = search.page(tx, "p.id", Map.of("created_on", "p.created_on"), page, row -> row.getString(1));
        return ids.map(id -> pledge(tx, caller.workspaceId(), id).orElseThrow());
    }

    @Override
    public void updatePledge(Tx tx, Pledge pledge) {
        Sql.update(tx, "UPDATE pledge SET amount = ?, pending = ?, reserved = ?, state = ?, updated_on = ? WHERE id = ?",
                pledge.amount(), pledge.pending(), pledge.reserved(), pledge.state(), pledge.updatedOn(), pledge.id());
    }

    @Override
    public long createChange(Tx tx, long workspaceId, String pledgeId, PledgeChange.Kind kind, Amount amount,
                             PledgeState previous, Instant at) {
        return Sql.insert(tx, "INSERT INTO pledge_change (workspace_id, pledge_id, kind, amount, previous_state, created_on)"
                + " VALUES (?, ?, ?, ?, ?, ?)", workspaceId, pledgeId, kind, amount, previous, at);
    }

    @Override
    public Optional<PledgeChange> change(Tx tx, long workspaceId, long changeId) {
        return Sql.one(tx, "SELECT id, workspace_id, pledge_id, kind, amount, previous_state, request_id, created_on"
                + " FROM pledge_change WHERE id = ? AND workspace_id = ?", row -> new PledgeChange(row.getLong(1),
                row.getLong(2), row.getString(3), PledgeChange.Kind.valueOf(row.getString(4)), Sql.amount(row, 5),
                PledgeState.valueOf(row.getString(6)), Sql.optionalLong(row, 7), Sql.instant(row, 8)), changeId, workspaceId);
    }

    @Override
    public Optional<Long> latestChangeId(Tx tx, long workspaceId, String pledgeId) {
        return Sql.one(tx, "SELECT id FROM pledge_change WHERE pledge_id = ? AND workspace_id = ? ORDER BY id DESC"
                + " FETCH FIRST 1 ROWS ONLY", row -> row.getLong(1), pledgeId, workspaceId);
    }

    @Override
    public void setChangeRequest(Tx tx, long changeId, long requestId) {
        Sql.update(tx, "UPDATE pledge_change SET request_id = ? WHERE id = ?", requestId, changeId);
    }

    @Override
    public void createSettlement(Tx tx, Settlement s) {
        Sql.update(tx, "INSERT INTO settlement (id, workspace_id, pledge_id, meta, amount, state, outbound_request_id,"
                        + " outbound_transaction_id, inbound_transaction_id, created_by, created_on, updated_on)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s.id(), s.workspaceId(), s.pledgeId(), s.metaJson(),
                s.amount(), s.state(), s.outboundRequestId(), s.outboundTransactionId(),
                Sql.orNull(s.inboundTransactionId(), Sql.NULL_BIGINT), s.createdBy(), s.createdOn(), s.createdOn());
    }

    @Override
    public Optional<Settlement> settlement(Tx tx, long workspaceId, String settlementId) {
        return Sql.one(tx, "SELECT " + SETTLEMENT + " FROM settlement s JOIN txn t ON t.id = s.outbound_transaction_id"
                + " WHERE s.id = ? AND s.workspace_id = ?", JdbcTradeLink::settlement, settlementId, workspaceId);
    }

    @Override
    public Optional<Settlement> visibleSettlement(Tx tx, Caller caller, String settlementId) {
        return settlement(tx, caller.workspaceId(), settlementId)
                .filter(found -> visiblePledge(tx, caller, found.pledgeId()).isPresent());
    }

    @Override
    public Page<Settlement> settlements(Tx tx, Caller caller, PageRequest page) {
        Search search = new Search("settlement", "s", caller.workspaceId());
        if (!caller.seesEverything()) {
            search.and("EXISTS (SELECT 1 FROM pledge p WHERE p.id = s.pledge_id AND (" + PLEDGE_VISIBLE + "))",
                    caller.userId(), caller.userId());
        }
        Page<String> ids = search.page(tx, "s.id", Map.of("created_on", "s.created_on"), page, row -> row.getString(1));
        return ids.map(id -> settlement(tx, caller.workspaceId(), id).orElseThrow());
    }

    @Override
    public void updateSettlement(Tx tx, long workspaceId, String settlementId, String state, Optional<Amount> recoveryMaxFee, Instant at) {
        Sql.update(tx, "UPDATE settlement SET state = ?, recovery_max_fee = COALESCE(?, recovery_max_fee), updated_on = ?"
                + " WHERE workspace_id = ? AND id = ?", state, Sql.orNull(recoveryMaxFee, Sql.NULL_NUMERIC), at,
                workspaceId, settlementId);
    }

    private Optional<Pledge> pledgeWhere(Tx tx, String condition, Object... params) {
        return Sql.one(tx, "SELECT " + PLEDGE + ", " + prefixed("am") + ", " + prefixed("ex") + " FROM pledge p"
                + " JOIN tradelink_party am ON am.id = p.asset_manager_id JOIN tradelink_party ex ON ex.id = p.exchange_id"
                + " WHERE " + condition, JdbcTradeLink::pledge, params);
    }

    private static String prefixed(String alias) {
        return String.join(", ", java.util.Arrays.stream(PARTY.split(", ")).map(column -> alias + "." + column).toList());
    }

    private static Pledge pledge(ResultSet row) throws SQLException {
        return new Pledge(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4), party(row, 14), party(row, 22),
                row.getLong(7), Sql.amount(row, 8), Sql.amount(row, 9), Sql.amount(row, 10),
                PledgeState.valueOf(row.getString(11)), Sql.instant(row, 12), Sql.instant(row, 13));
    }

    private static Party party(ResultSet row, int first) throws SQLException {
        return new Party(row.getLong(first), row.getLong(first + 1), PartyRole.valueOf(row.getString(first + 2)),
                row.getString(first + 3), row.getString(first + 4), row.getLong(first + 5), row.getLong(first + 6),
                Sql.instant(row, first + 7));
    }

    private static Settlement settlement(ResultSet row) throws SQLException {
        return new Settlement(row.getString(1), row.getLong(2), row.getString(3), row.getString(4), Sql.amount(row, 5),
                row.getString(6), row.getLong(7), row.getLong(8), Optional.ofNullable(row.getString(9)), row.getString(10),
                Sql.optionalLong(row, 11), row.getBigDecimal(12) == null ? Optional.empty()
                        : Optional.of(Sql.amount(row, 12)), row.getLong(13),
                Sql.instant(row, 14));
    }
}
