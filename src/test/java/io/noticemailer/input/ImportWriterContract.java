package io.noticemailer.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;

import io.noticemailer.code.ManagementCodes;
import io.noticemailer.ledger.ImportStore;
import io.noticemailer.ledger.LedgerSchema;

/**
 * The import's guarantees against a real ledger: one outcome per line, reruns add nothing, codes stay unique.
 * Run on MariaDB ({@link ImportWriterTest}) and on the embedded H2 ({@link ImportWriterEmbeddedTest}).
 */
abstract class ImportWriterContract {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2018-12-25T01:00:00Z"), ZoneOffset.UTC);

    private final ImportStore store;
    private final JdbcTemplate jdbc;
    private String campaign;

    ImportWriterContract(DataSource dataSource) {
        this.store = LedgerSchema.importStore(dataSource);
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @BeforeEach
    void newCampaign() {
        campaign = "import-" + System.nanoTime();
    }

    @Test
    void givenAFreshListThenEachLineEndsAsExactlyOneDeliveryOrOneRejectedLine() {
        ImportWriter writer = writer(new SplittableRandom(1));

        writer.write(chunk(row(2, "c1"), row(3, "c2"), row(4, ""), row(5, "c1")));
        writer.write(chunk(row(6, "c2"), invalid(7, "c3", "line 7, field メールアドレス: no '@'")));

        assertThat(deliveries()).containsExactly("2 c1 PENDING", "3 c2 PENDING", "7 c3 INVALID line 7, field メールアドレス: no '@'");
        assertThat(rejected()).containsExactly("4 null line 4, field 会員ID: no customer id",
                "5 c1 line 5: customer id already on line 2 (the first line wins)",
                "6 c2 line 6: customer id already on line 3 (the first line wins)");
    }

    @Test
    void givenAnImportInterruptedAfterItsFirstChunkWhenItRestartsFromTheTopThenNothingIsAddedOrChanged() {
        List<Chunk<InputRow>> file = List.of(chunk(row(2, "c1"), row(3, ""), row(4, "c2")),
                chunk(row(5, "c1"), row(6, "c3"), row(7, "")));
        writer(new SplittableRandom(1)).write(file.get(0));
        List<String> codesBefore = codes();

        ImportWriter restarted = writer(new SplittableRandom(2));
        file.forEach(restarted::write);

        assertThat(deliveries()).containsExactly("2 c1 PENDING", "4 c2 PENDING", "6 c3 PENDING");
        assertThat(rejected()).extracting(line -> line.split(" ")[0]).containsExactly("3", "5", "7");
        assertThat(codes().subList(0, 2)).isEqualTo(codesBefore);
    }

    @Test
    void givenTheWholeListImportedTwiceThenTheSecondImportAddsNothing() {
        List<Chunk<InputRow>> file = List.of(chunk(row(2, "c1"), row(3, "c1")), chunk(row(4, ""), row(5, "c2")));
        file.forEach(writer(new SplittableRandom(1))::write);
        List<String> deliveries = deliveries();
        List<String> rejected = rejected();
        List<String> codes = codes();

        file.forEach(writer(new SplittableRandom(2))::write);

        assertThat(deliveries()).isEqualTo(deliveries);
        assertThat(rejected()).isEqualTo(rejected);
        assertThat(codes()).isEqualTo(codes);
    }

    @Test
    void givenAGeneratedCodeAlreadyTakenByAnEarlierChunkThenTheLaterDeliveryGetsAnotherOne() {
        long taken = 12345;
        ImportWriter writer = writer(new ScriptedRandom(taken, taken, taken, 67890));

        writer.write(chunk(row(2, "c1")));
        writer.write(chunk(row(3, "c2")));

        List<String> codes = codes();
        assertThat(codes).hasSize(2).doesNotHaveDuplicates();
        assertThat(codes.get(0)).isEqualTo(new ManagementCodes(new ScriptedRandom(taken)).generate("DL"));
        assertThat(codes.get(1)).isEqualTo(new ManagementCodes(new ScriptedRandom(67890)).generate("DL"));
        assertThat(deliveries()).containsExactly("2 c1 PENDING", "3 c2 PENDING");
    }

    @Test
    void givenAnInputCodeAlreadyUsedByAnEarlierChunkThenTheLaterDeliveryIsInvalidAndNamesIt() {
        ImportWriter writer = writer(new SplittableRandom(1));

        writer.write(chunk(withCode(row(2, "c1"), "DL-7K3M-Q9XC")));
        writer.write(chunk(withCode(row(3, "c2"), "DL-7K3M-Q9XC"), withCode(row(4, "c3"), "DL-AB12-CD34")));

        assertThat(deliveries()).containsExactly("2 c1 PENDING",
                "3 c2 INVALID line 3: management code already used by another customer", "4 c3 PENDING");
        assertThat(codes()).containsExactly("DL-7K3M-Q9XC", "DUPLICATE-LINE-3", "DL-AB12-CD34");
    }

    @Test
    void givenEarlierCampaignsThenCustomersTheyNotifiedMayHaveNotifiedOrWillNotifyAreLeftOutByIdOrAddress() {
        String earlier = campaign + "-x";
        new ImportWriter(store, new ManagementCodes(new SplittableRandom(3)), earlier, "DL", CLOCK).write(chunk(
                row(2, "c1", "c1@a.example"), row(3, "c2", "c2@a.example"), row(4, "c3", "c3@a.example"),
                row(5, "c4", "c4@a.example"), row(6, "c5", "c5@a.example"), row(7, "c6", "hanako.@ezweb.ne.jp")));
        setStatus(earlier, "c1", "SENT");
        setStatus(earlier, "c2", "UNKNOWN");
        setStatus(earlier, "c3", "DEFERRED");
        setStatus(earlier, "c4", "FAILED");
        setStatus(earlier, "c5", "INVALID");
        setStatus(earlier, "c6", "SENT");
        registerWithPreviousCampaigns(earlier);
        List<Chunk<InputRow>> file = List.of(chunk(row(2, "c1", "new1@b.example"), row(3, "c2", "c2@a.example"),
                        row(4, "c3", "c3@a.example"), row(5, "c4", "c4@b.example")),
                chunk(row(6, "c5", "c5@a.example"), row(7, "c7", "hanako.@ezweb.ne.jp"), row(8, "c8", "c8@b.example"),
                        row(9, "c1", "c1@a.example")));

        file.forEach(writer(new SplittableRandom(1))::write);

        assertThat(deliveries()).containsExactly("5 c4 PENDING", "6 c5 PENDING", "8 c8 PENDING");
        assertThat(rejected()).containsExactly(
                "2 c1 line 2: customer c1 was already notified in campaign " + earlier + " (SENT there): not imported",
                "3 c2 line 3: customer c2 may already have been notified in campaign " + earlier + " (UNKNOWN there): not imported",
                "4 c3 line 4: customer c3 is still to be notified in campaign " + earlier + " (DEFERRED there): not imported",
                "7 c7 line 7: the address of customer c7 was already notified in campaign " + earlier
                        + " as customer c6 (SENT there): not imported",
                "9 c1 line 9: customer c1 was already notified in campaign " + earlier + " (SENT there): not imported");
        assertThat(jdbc.queryForList("SELECT DISTINCT earlier_campaign FROM rejected_line WHERE campaign_id = ?", String.class,
                campaign)).containsExactly(earlier);

        List<String> rejected = rejected();
        file.forEach(writer(new SplittableRandom(2))::write);
        assertThat(rejected()).as("a rerun adds nothing").isEqualTo(rejected);
        assertThat(deliveries()).hasSize(3);
    }

    private void setStatus(String inCampaign, String customerId, String status) {
        jdbc.update("UPDATE delivery SET status = ? WHERE campaign_id = ? AND customer_id = ?", status, inCampaign, customerId);
    }

    private void registerWithPreviousCampaigns(String previous) {
        jdbc.update("INSERT INTO campaign (id, job_file, job_file_sha256, template_sha256, pass, created_at, previous_campaigns)"
                + " VALUES (?, 'job.yml', ?, '', 1, ?, ?)", campaign, "0".repeat(64),
                java.time.LocalDateTime.of(2018, 12, 25, 1, 0), previous);
    }

    private ImportWriter writer(RandomGenerator random) {
        return new ImportWriter(store, new ManagementCodes(random), campaign, "DL", CLOCK);
    }

    @SafeVarargs
    private static Chunk<InputRow> chunk(InputRow... rows) {
        return new Chunk<>(List.of(rows));
    }

    private static InputRow row(long line, String customerId) {
        return row(line, customerId, "taro..yamada@docomo.ne.jp");
    }

    private static InputRow row(long line, String customerId, String email) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("会員ID", customerId);
        fields.put("氏名", "髙橋 一郎");
        fields.put("メールアドレス", email);
        fields.put("区分", "card");
        String problem = customerId.isEmpty() ? "line " + line + ", field 会員ID: no customer id" : null;
        return new InputRow(line, customerId, "髙橋 一郎", email, "card", null, fields, problem);
    }

    private static InputRow invalid(long line, String customerId, String problem) {
        InputRow row = row(line, customerId);
        return new InputRow(line, customerId, row.name(), row.email(), row.cohort(), null, row.fields(), problem);
    }

    private static InputRow withCode(InputRow row, String code) {
        return new InputRow(row.line(), row.customerId(), row.name(), row.email(), row.cohort(), code, row.fields(),
                row.problem());
    }

    private List<String> deliveries() {
        return jdbc.query("SELECT source_line, customer_id, status, reason FROM delivery WHERE campaign_id = ? ORDER BY source_line",
                (rs, n) -> (rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                        + (rs.getString(4) == null ? "" : rs.getString(4))).strip(), campaign);
    }

    private List<String> rejected() {
        return jdbc.query("SELECT line_no, customer_id, reason FROM rejected_line WHERE campaign_id = ? ORDER BY line_no",
                (rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3), campaign);
    }

    private List<String> codes() {
        return jdbc.queryForList("SELECT management_code FROM delivery WHERE campaign_id = ? ORDER BY source_line",
                String.class, campaign);
    }

    /** Hands out the given values first, then distinct ones: a rigged source for code collisions. */
    private static final class ScriptedRandom implements RandomGenerator {

        private final Deque<Long> script = new ArrayDeque<>();
        private long next = 1L << 20;

        ScriptedRandom(long... values) {
            for (long value : values) {
                script.add(value);
            }
        }

        @Override
        public long nextLong() {
            return script.isEmpty() ? next++ : script.poll();
        }
    }
}
