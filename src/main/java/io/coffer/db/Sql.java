package io.coffer.db;

import io.coffer.common.Amount;
import io.coffer.common.Tx;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Small helpers over JDBC: bind parameters by their Java type, map rows, and read the portable
 * column types (exact {@code NUMERIC(78,0)} amounts, {@code TIMESTAMP WITH TIME ZONE} instants).
 */
public final class Sql {

    /** A typed SQL NULL, for drivers that want to know the type of a null parameter. */
    public record Null(int sqlType) {
    }

    public static final Null NULL_BIGINT = new Null(Types.BIGINT);
    public static final Null NULL_VARCHAR = new Null(Types.VARCHAR);
    public static final Null NULL_TIMESTAMP = new Null(Types.TIMESTAMP_WITH_TIMEZONE);
    public static final Null NULL_NUMERIC = new Null(Types.NUMERIC);
    public static final Null NULL_INTEGER = new Null(Types.INTEGER);
    public static final Null NULL_BINARY = new Null(Types.VARBINARY);

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private Sql() {
    }

    public static <T> List<T> list(Tx tx, String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement statement = prepare(JdbcTx.connection(tx), JdbcTx.statement(tx, sql), params);
             ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new StorageException("query failed", e);
        }
    }

    public static <T> Optional<T> one(Tx tx, String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement statement = prepare(JdbcTx.connection(tx), JdbcTx.statement(tx, sql), params);
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            T value = mapper.map(rows);
            if (rows.next()) {
                throw new IllegalStateException("query returned more than one row: " + sql);
            }
            return Optional.of(value);
        } catch (SQLException e) {
            throw new StorageException("query failed", e);
        }
    }

    public static long count(Tx tx, String sql, Object... params) {
        return one(tx, sql, row -> row.getLong(1), params).orElse(0L);
    }

    /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it touched. */
    public static int update(Tx tx, String sql, Object... params) {
        try (PreparedStatement statement = prepare(JdbcTx.connection(tx), JdbcTx.statement(tx, sql), params)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("update failed", e);
        }
    }

    /** Runs an INSERT into a table with an identity column named {@code id} and returns the new id. */
    public static long insert(Tx tx, String sql, Object... params) {
        Connection connection = JdbcTx.connection(tx);
        try (PreparedStatement statement = connection.prepareStatement(JdbcTx.statement(tx, sql), new String[] {"id"})) {
            bind(statement, params);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new IllegalStateException("no generated key for: " + sql);
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new StorageException("insert failed", e);
        }
    }

    public static PreparedStatement prepare(Connection connection, String sql, Object... params)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, Statement.NO_GENERATED_KEYS);
        try {
            bind(statement, params);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            int index = i + 1;
            switch (params[i]) {
                case null -> throw new IllegalArgumentException("use a typed Sql.Null for parameter " + index);
                case Null typed -> statement.setNull(index, typed.sqlType());
                case Amount amount -> statement.setBigDecimal(index, new BigDecimal(amount.value()));
                case BigDecimal decimal -> statement.setBigDecimal(index, decimal);
                case BigInteger integer -> statement.setBigDecimal(index, new BigDecimal(integer));
                case Instant instant -> statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
                case Long value -> statement.setLong(index, value);
                case Integer value -> statement.setInt(index, value);
                case Boolean value -> statement.setBoolean(index, value);
                case String value -> statement.setString(index, value);
                case byte[] value -> statement.setBytes(index, value);
                case Enum<?> value -> statement.setString(index, value.name());
                default -> throw new IllegalArgumentException(
                        "unsupported parameter type " + params[i].getClass().getName() + " at " + index);
            }
        }
    }

    public static Amount amount(ResultSet row, int column) throws SQLException {
        return new Amount(row.getBigDecimal(column).toBigIntegerExact());
    }

    public static Instant instant(ResultSet row, int column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    public static Optional<Long> optionalLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    public static Amount amount(ResultSet row, String column) throws SQLException {
        BigDecimal value = row.getBigDecimal(column);
        return new Amount(value.toBigIntegerExact());
    }

    public static Optional<Amount> optionalAmount(ResultSet row, String column) throws SQLException {
        BigDecimal value = row.getBigDecimal(column);
        return value == null ? Optional.empty() : Optional.of(new Amount(value.toBigIntegerExact()));
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value.toInstant();
    }

    public static Optional<Instant> optionalInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? Optional.empty() : Optional.of(value.toInstant());
    }

    public static Optional<Long> optionalLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    /** A typed parameter for a value that may be absent. */
    public static Object orNull(Optional<?> value, Null whenAbsent) {
        return value.isPresent() ? value.get() : whenAbsent;
    }
}
