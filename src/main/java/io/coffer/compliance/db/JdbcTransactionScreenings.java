package io.coffer.compliance.db;

import io.coffer.common.Tx;
import io.coffer.compliance.Severity;
import io.coffer.compliance.TransactionScreening;
import io.coffer.compliance.TransactionScreenings;
import io.coffer.db.Sql;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link TransactionScreenings} over the {@code transaction_screening} table. */
public final class JdbcTransactionScreenings implements TransactionScreenings {

    @Override
    public void save(Tx tx, long workspaceId, long transactionId, TransactionScreening screening) {
        Sql.update(tx, "INSERT INTO transaction_screening (transaction_id, workspace_id, registration_id, severity,"
                        + " alert_id, category, service, screened_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                transactionId, workspaceId, screening.registrationId(), screening.severity().apiName(),
                screening.alertId(), screening.category(), screening.service(), screening.screenedOn());
    }

    @Override
    public Map<Long, TransactionScreening> find(Tx tx, long workspaceId, Collection<Long> transactionIds) {
        Map<Long, TransactionScreening> found = new HashMap<>();
        if (transactionIds.isEmpty()) {
            return found;
        }
        List<Long> ids = List.copyOf(transactionIds);
        Object[] params = new Object[ids.size() + 1];
        params[0] = workspaceId;
        for (int i = 0; i < ids.size(); i++) {
            params[i + 1] = ids.get(i);
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        Sql.list(tx, "SELECT transaction_id, registration_id, severity, alert_id, category, service, screened_on"
                        + " FROM transaction_screening WHERE workspace_id = ? AND transaction_id IN (" + marks + ")",
                row -> Map.entry(row.getLong(1), new TransactionScreening(row.getString(2),
                        Severity.fromApiName(row.getString(3)), row.getString(4), row.getString(5), row.getString(6),
                        Sql.instant(row, 7))), params)
                .forEach(entry -> found.put(entry.getKey(), entry.getValue()));
        return found;
    }
}
