package io.noticemailer.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import io.noticemailer.support.MariaDbTest;

@MariaDbTest
class MultiRowInsertTest {

    private static final String ROW_VALUES = LedgerSql.REJECTED_LINE_VALUES;

    private final JdbcTemplate jdbc;
    private final MultiRowInsert<RejectedLine> insert;
    private final MultiRowInsert.RowBinder<RejectedLine> binder;
    private String campaign;
    private int statements;

    MultiRowInsertTest(DataSource dataSource) {
        this.jdbc = LedgerSchema.migrate(dataSource);
        this.insert = new MultiRowInsert<>(LedgerSql.INSERT_REJECTED_LINES, ROW_VALUES, 7, r -> r.reason().length());
        this.binder = (ps, first, r) -> {
            if (first == 1) {
                statements++;
            }
            ps.setString(first, campaign);
            ps.setLong(first + 1, r.line());
            ps.setString(first + 2, r.customerId());
            ps.setString(first + 3, r.reason());
            ps.setString(first + 4, r.earlierCampaign());
        };
    }

    @BeforeEach
    void newCampaign() {
        campaign = "multi-row-" + System.nanoTime();
        statements = 0;
    }

    @Test
    void givenMoreRowsThanAStatementTakesThenEveryRowIsInsertedInOrderWithFewStatements() {
        List<RejectedLine> rows = lines(1, 20, "short reason");

        int inserted = insert.insert(jdbc, rows, binder);

        assertThat(inserted).isEqualTo(20);
        assertThat(statements).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT line_no FROM rejected_line WHERE campaign_id = ? ORDER BY id", Long.class, campaign))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 20).mapToObj(Long::valueOf).toList());
    }

    @Test
    void givenRowsLargerThanTheStatementBudgetThenTheyAreSplitAndStillAllInserted() {
        long halfTheBudgetInChars = MultiRowInsert.MAX_STATEMENT_BYTES / 3 / 2;
        MultiRowInsert<RejectedLine> largeRows = new MultiRowInsert<>(LedgerSql.INSERT_REJECTED_LINES, ROW_VALUES, 7,
                r -> halfTheBudgetInChars);

        int inserted = largeRows.insert(jdbc, lines(1, 5, "large"), binder);

        assertThat(inserted).isEqualTo(5);
        assertThat(statements).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rejected_line WHERE campaign_id = ?", Integer.class, campaign))
                .isEqualTo(5);
    }

    @Test
    void givenARowThatClashesWithAUniqueKeyThenItsStatementInsertsNothing() {
        insert.insert(jdbc, lines(5, 5, "first"), binder);

        assertThatThrownBy(() -> insert.insert(jdbc, lines(1, 7, "second"), binder)).isInstanceOf(DuplicateKeyException.class);

        assertThat(jdbc.queryForList("SELECT reason FROM rejected_line WHERE campaign_id = ?", String.class, campaign))
                .containsExactly("first");
    }

    private static List<RejectedLine> lines(int from, int to, String reason) {
        return IntStream.rangeClosed(from, to).mapToObj(line -> new RejectedLine(line, "c" + line, reason)).toList();
    }
}
