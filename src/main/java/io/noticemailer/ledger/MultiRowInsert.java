package io.noticemailer.ledger;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.function.ToLongFunction;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts many rows with few statements: {@code INSERT … VALUES (…), (…), …}. A JDBC batch of single-row
 * INSERTs costs one round trip per row on MySQL Connector/J unless the operator's URL happens to set
 * {@code rewriteBatchedStatements}; this costs one per statement whatever the URL says, on MySQL, MariaDB and H2.
 * A statement takes at most {@code maxRows} rows and about {@link #MAX_STATEMENT_BYTES} of values, far below
 * any server's {@code max_allowed_packet} (MariaDB's default is 16 MiB).
 */
final class MultiRowInsert<T> {

    /** Binds one row's values, starting at parameter {@code first}. */
    @FunctionalInterface
    interface RowBinder<T> {
        void bind(PreparedStatement ps, int first, T row) throws SQLException;
    }

    static final long MAX_STATEMENT_BYTES = 1 << 20;
    /** Worst case of UTF-8 per Java char, so that the byte budget holds for any text. */
    private static final int BYTES_PER_CHAR = 3;

    private final String head;
    private final String rowValues;
    private final int parametersPerRow;
    private final int maxRows;
    private final ToLongFunction<T> textLength;
    private final String fullStatement;

    /**
     * @param head       the statement up to and including {@code VALUES}
     * @param rowValues  one row's value list, e.g. {@code (?, ?, 0, ?)}
     * @param textLength the characters a row's values take, roughly (its strings' lengths)
     */
    MultiRowInsert(String head, String rowValues, int maxRows, ToLongFunction<T> textLength) {
        this.head = head;
        this.rowValues = rowValues;
        this.parametersPerRow = (int) rowValues.chars().filter(c -> c == '?').count();
        this.maxRows = maxRows;
        this.textLength = textLength;
        this.fullStatement = statement(maxRows);
    }

    /** Inserts every row, in order, in as few statements as the limits allow; returns the rows inserted. */
    int insert(JdbcTemplate jdbc, List<? extends T> rows, RowBinder<? super T> binder) {
        int inserted = 0;
        int start = 0;
        while (start < rows.size()) {
            int end = endOfStatement(rows, start);
            inserted += insertRows(jdbc, rows.subList(start, end), binder);
            start = end;
        }
        return inserted;
    }

    private int endOfStatement(List<? extends T> rows, int start) {
        long bytes = 0;
        int end = start;
        while (end < rows.size() && end - start < maxRows) {
            bytes += BYTES_PER_CHAR * textLength.applyAsLong(rows.get(end));
            if (end > start && bytes > MAX_STATEMENT_BYTES) {
                break;
            }
            end++;
        }
        return end;
    }

    private int insertRows(JdbcTemplate jdbc, List<? extends T> rows, RowBinder<? super T> binder) {
        String sql = rows.size() == maxRows ? fullStatement : statement(rows.size());
        return jdbc.update(sql, ps -> {
            int first = 1;
            for (T row : rows) {
                binder.bind(ps, first, row);
                first += parametersPerRow;
            }
        });
    }

    private String statement(int rows) {
        return head + " " + String.join(", ", Collections.nCopies(rows, rowValues));
    }
}
