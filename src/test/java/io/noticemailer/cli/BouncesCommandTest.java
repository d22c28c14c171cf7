package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.noticemailer.support.BounceFixtures;
import io.noticemailer.support.DataSourceProps;
import io.noticemailer.support.FakeTime;
import io.noticemailer.support.HeadlessChromium;
import io.noticemailer.support.MariaDbTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bounces} on a real MariaDB ledger after a real run of the example campaign (outbox, on the day of the
 * DLmarket notice), reading what an operator exports from the bounce mailbox: single .eml files, a Maildir and
 * an mbox holding DSNs as Postfix, Exchange and a Japanese carrier's gateway write them, a delay warning,
 * auto-replies, a read receipt, a customer's reply, a bounce of older mail, one of other mail from the same
 * domain and one of another campaign. Then unreached, report, status, lookup and evidence show the bounces.
 */
@MariaDbTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class BouncesCommandTest {

    private static final List<String> BOUNCED = List.of("10000101", "10000103", "10000106", "10000108", "10000112");

    @TempDir
    Path temp;

    private final FakeTime time = FakeTime.at("2018-12-25T00:30:00Z");
    private CliHarness cli;
    private CampaignWorkspace job;
    private Path mailbox;
    private CliHarness.Result firstRead;
    private String firstReadLogs;
    private Map<String, String> emailByCustomer;

    @BeforeAll
    void runTheCampaignAndReadItsBounces(DataSourceProps database, @TempDir Path workspace, CapturedOutput output)
            throws Exception {
        cli = new CliHarness(database.asArguments(), Map.of(), time);
        job = CampaignWorkspace.of(workspace.resolve("notice"), "bounce-example");
        CampaignWorkspace other = CampaignWorkspace.of(workspace.resolve("other"), "bounce-other");
        for (CampaignWorkspace campaign : List.of(job, other)) {
            CliHarness.Result run = cli.run("run", campaign.jobFile(), "--outbox", workspace.resolve(campaign.campaign()).toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        emailByCustomer = cli.jdbc().query("SELECT customer_id, email FROM delivery WHERE campaign_id = ?",
                (rs, n) -> Map.entry(rs.getString(1), rs.getString(2)), job.campaign()).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        mailbox = exportTheBounceMailbox(workspace.resolve("export"), messageId(other.campaign(), "10000109"));
        time.advance(java.time.Duration.ofHours(3));

        int before = output.getAll().length();
        firstRead = read();
        firstReadLogs = output.getAll().substring(before);
    }

    @AfterAll
    void stop() {
        cli.close();
    }

    @Test
    void givenTheExportedMailboxThenEachFailedDsnIsRecordedAndEverythingElseIsSkippedWithItsReason() {
        assertThat(firstRead.exitCode()).as(firstRead.err()).isZero();
        assertThat(firstRead.err()).isEmpty();
        assertThat(firstRead.out()).contains("bounces of campaign bounce-example: 13 messages read")
                .containsPattern("bounced now +5 ")
                .containsPattern("already known +0\n")
                .containsPattern("skipped +8\n")
                .contains("1  Action: delayed (the relay is still trying)", "1  Action: delivered",
                        "1  auto-reply or other automatic message", "1  not a delivery status notification (RFC 3464)",
                        "1  a report of another kind (read receipt, abuse complaint)", "1  for another campaign",
                        "1  the original message is not from this campaign's sender", "1  dated before the notice was sent")
                .containsPattern("unreadable +0\n");
        assertThat(bounced()).containsExactlyElementsOf(BOUNCED);
        assertThat(cli.jdbc().queryForList("SELECT status FROM delivery WHERE campaign_id = ? AND bounced_at IS NOT NULL",
                String.class, job.campaign())).containsOnly("SENT");
        assertNoAddressIn(firstRead.out());
    }

    @Test
    void givenEachKindOfDsnThenTheBounceHasTheDsnsTimeStatusAndMaskedDiagnostic() {
        Map<String, Object> postfix = bounce("10000101");
        assertThat(postfix.get("bounce_status")).isEqualTo("5.1.1");
        assertThat(postfix.get("bounce_text")).isEqualTo("550 5.1.1 <k***@example.com>: Recipient address rejected:"
                + " User unknown in virtual mailbox table");
        assertThat(postfix.get("bounced_at").toString()).isEqualTo("2018-12-25T01:03:21");

        Map<String, Object> carrier = bounce("10000103");
        assertThat(carrier.get("bounce_status")).isEqualTo("5.0.0");
        assertThat(carrier.get("bounce_text")).isEqualTo("550 Unknown user t***@docomo.example （宛先不明）");
        assertThat(carrier.get("bounced_at").toString()).isEqualTo("2018-12-25T01:20:04");

        assertThat(bounce("10000106").get("bounce_status")).isEqualTo("5.1.10");
        assertThat(bounce("10000106").get("bounce_text").toString()).contains("Recipient k***@sample-shoji.example not found");
        assertThat(bounce("10000108").get("bounce_text")).isEqualTo("550 5.2.1 Mailbox disabled for this recipient");
        assertThat(bounce("10000112").get("bounce_status")).isEqualTo("5.2.2");
        assertThat(bounce("10000110").get("bounced_at")).as("auto-reply and delivered DSN").isNull();
        assertThat(bounce("10000104").get("bounced_at")).as("delay warning").isNull();
        assertThat(bounce("10000111").get("bounced_at")).as("other sender's mail, and a DSN still in Maildir/tmp").isNull();
        assertThat(bounce("10000109").get("bounced_at")).as("older bounce, and another campaign's").isNull();
    }

    @Test
    void givenABounceThenTheAttemptHistoryHasOneBouncedRowSayingHowItWasMatched() {
        List<Map<String, Object>> attempts = cli.jdbc().queryForList("SELECT d.customer_id, a.outcome, a.reply_code,"
                + " a.enhanced_code, a.detail FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id"
                + " WHERE d.campaign_id = ? AND a.outcome = 'BOUNCED' ORDER BY d.customer_id", job.campaign());

        assertThat(attempts).extracting(a -> a.get("customer_id")).containsExactlyElementsOf(BOUNCED);
        assertThat(attempts.get(0).get("reply_code")).isEqualTo(550);
        assertThat(attempts.get(0).get("enhanced_code")).isEqualTo("5.1.1");
        assertThat(attempts.get(0).get("detail")).isEqualTo("DSN from dns; mx.dlmarket.example in postfix-user-unknown.eml,"
                + " matched by Message-ID");
        assertThat(attempts.get(1).get("detail").toString()).as("carrier rewrote the Message-ID")
                .endsWith("matched by recipient address");
        assertThat(attempts.get(3).get("detail").toString()).as("no original headers").endsWith("matched by recipient address");
    }

    @Test
    void givenTheSameMailboxReadAgainThenNothingNewIsRecorded() {
        int attemptsBefore = bouncedAttempts();

        CliHarness.Result again = read();

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).containsPattern("bounced now +0\n").containsPattern("already known +5\n")
                .containsPattern("skipped +8\n");
        assertThat(bouncedAttempts()).isEqualTo(attemptsBefore).isEqualTo(BOUNCED.size());
        assertThat(bounced()).containsExactlyElementsOf(BOUNCED);
    }

    @Test
    void givenListThenEachMessageIsNamedWithWhatItDidAndAddressesMasked() {
        CliHarness.Result listed = cli.run("bounces", job.jobFile(), mailbox.resolve("bounces.mbox").toString(), "--list");

        assertThat(listed.exitCode()).isZero();
        String mbox = mailbox.resolve("bounces.mbox").toString();
        assertThat(listed.out()).contains(mbox + "#1: already known: customer 10000112 (r***@example.com)",
                mbox + "#2: skipped: for another campaign (y***@i.softbank.example)",
                mbox + "#3: skipped: Action: delivered (s***@example.org)",
                mbox + "#4: skipped: a report of another kind (read receipt, abuse complaint)",
                mbox + "#5: skipped: the original message is not from this campaign's sender (s***@example.net)");
        assertNoAddressIn(listed.out());
    }

    @Test
    void givenBouncesThenTheUnreachedListHasThemBesideTheFailedAndInvalidWithTheBounceAsReason() throws Exception {
        Path file = temp.resolve("unreached.csv");

        CliHarness.Result result = cli.run("unreached", job.jobFile(), "--out", file.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<CSVRecord> rows = CsvFiles.read(file, StandardCharsets.UTF_8);
        assertThat(rows).extracting(r -> r.get("customer_id"))
                .containsExactly("10000101", "10000103", "10000106", "10000107", "10000108", "10000112");
        CSVRecord takahashi = rows.get(0);
        assertThat(takahashi.get("status")).isEqualTo("SENT");
        assertThat(takahashi.get("email")).isEqualTo("k.takahashi@example.com");
        assertThat(takahashi.get("name")).isEqualTo("髙橋 一郎");
        assertThat(takahashi.get("reason")).isEqualTo("bounced: 550 5.1.1 <k***@example.com>: Recipient address rejected:"
                + " User unknown in virtual mailbox table");
        assertThat(takahashi.get("bounced_at")).isEqualTo("2018-12-25T10:03:21+09:00");
        assertThat(takahashi.get("bounce_status")).isEqualTo("5.1.1");
        assertThat(takahashi.get("決済日時")).isEqualTo("2018/10/18 09:12");
        assertThat(rows.get(1).get("reason")).isEqualTo("bounced: 5.0.0 550 Unknown user t***@docomo.example （宛先不明）");
        assertThat(rows.get(3).get("status")).isEqualTo("INVALID");
        assertThat(rows.get(3).get("bounced_at")).isEmpty();
        assertThat(result.out()).contains("6 unreached");
    }

    @Test
    void givenBouncesThenTheCsvAndJsonReportsCarryThemWithAddressesMasked() {
        CliHarness.Result csv = cli.run("report", job.jobFile(), "--format", "csv");
        CliHarness.Result json = cli.run("report", job.jobFile(), "--format", "json");

        Map<String, CSVRecord> rows = CsvFiles.parse(csv.out()).stream()
                .collect(Collectors.toMap(r -> r.get("customer_id"), r -> r));
        assertThat(rows.get("10000106").get("status")).isEqualTo("SENT");
        assertThat(rows.get("10000106").get("bounced_at")).isEqualTo("2018-12-25T10:12:40+09:00");
        assertThat(rows.get("10000106").get("bounce_status")).isEqualTo("5.1.10");
        assertThat(rows.get("10000102").get("bounced_at")).isEmpty();
        JsonNode deliveries = JsonMapper.builder().build().readTree(json.out()).get("deliveries");
        JsonNode first = deliveries.get(0);
        assertThat(first.get("bouncedAt").asString()).isEqualTo("2018-12-25T10:03:21+09:00");
        assertThat(first.get("bounceStatus").asString()).isEqualTo("5.1.1");
        assertThat(first.get("bounceText").asString()).contains("<k***@example.com>");
        assertThat(deliveries.get(1).get("bouncedAt").isNull()).isTrue();
        assertNoAddressIn(csv.out());
        assertNoAddressIn(json.out());
    }

    @Test
    void givenBouncesThenTheHtmlReportInChromiumCountsThemAndGroupsThemWithTheFailures() throws Exception {
        Path page = temp.resolve("report.html");
        assertThat(cli.run("report", job.jobFile(), "--format", "html", "--out", page.toString()).exitCode()).isZero();

        Document dom = Jsoup.parse(new HeadlessChromium(temp).dumpDom(page));

        assertThat(dom.selectFirst("#bounced td.total").text()).isEqualTo("5");
        assertThat(dom.selectFirst("#status-SENT td.total").text()).isEqualTo("11");
        assertThat(dom.select("#failures tbody tr")).filteredOn(r -> r.child(0).text().equals("BOUNCED"))
                .extracting(r -> r.child(1).text() + " " + r.child(2).text())
                .containsExactlyInAnyOrder("5.1.1 (550) example.com", "5.0.0 (550) docomo.example",
                        "5.1.10 (550) sample-shoji.example", "5.2.1 (550) example.net", "5.2.2 (552) example.com");
        assertNoAddressIn(Files.readString(page));
    }

    @Test
    void givenBouncesThenStatusCountsThemInJsonAndInTheTable() {
        CliHarness.Result json = cli.run("status", job.jobFile(), "--json");
        CliHarness.Result table = cli.run("status", job.jobFile());

        JsonNode status = JsonMapper.builder().build().readTree(json.out());
        assertThat(status.get("bounced").asInt()).isEqualTo(5);
        assertThat(status.get("statuses").get("SENT").asInt()).as("a bounce keeps its status").isEqualTo(11);
        assertThat(table.out()).containsPattern("  bounced +5 +4 +1  \\(of SENT: bounced later\\)");
    }

    @Test
    void givenABouncedDeliveryThenLookupShowsTheBounceMaskedAndAnotherShowsNone() {
        String code = cli.jdbc().queryForObject("SELECT management_code FROM delivery WHERE campaign_id = ?"
                + " AND customer_id = '10000103'", String.class, job.campaign());
        String unbounced = cli.jdbc().queryForObject("SELECT management_code FROM delivery WHERE campaign_id = ?"
                + " AND customer_id = '10000102'", String.class, job.campaign());

        CliHarness.Result found = cli.run("lookup", code);
        CliHarness.Result other = cli.run("lookup", unbounced);

        assertThat(found.exitCode()).isZero();
        assertThat(found.out()).contains("status         SENT")
                .containsPattern("bounced +2018-12-25T\\d\\d:20:04(Z|[+-]\\d\\d:\\d\\d) 5\\.0\\.0 550 Unknown user t\\*\\*\\*@docomo.example");
        assertThat(other.out()).doesNotContain("bounced");
        assertNoAddressIn(found.out());
    }

    @Test
    void givenBouncesThenTheEvidenceHasThemInTheLedgerAndTheAttemptHistoryWithoutAnyAddress() throws Exception {
        Path dir = temp.resolve("evidence");
        assertThat(cli.run("evidence", job.jobFile(), "--out", dir.toString()).exitCode()).isZero();

        Map<String, CSVRecord> deliveries = CsvFiles.read(dir.resolve("deliveries.csv"), StandardCharsets.UTF_8).stream()
                .collect(Collectors.toMap(r -> r.get("customer_id"), r -> r));
        assertThat(deliveries.get("10000112").get("bounced_at")).isEqualTo("2018-12-25T01:04:30Z");
        assertThat(deliveries.get("10000112").get("bounce_status")).isEqualTo("5.2.2");
        assertThat(deliveries.get("10000112").get("bounce_text")).isEqualTo("552 5.2.2 <r***@example.com>: Mailbox full");
        List<CSVRecord> attempts = CsvFiles.read(dir.resolve("attempts.csv"), StandardCharsets.UTF_8);
        assertThat(attempts).filteredOn(a -> a.get("outcome").equals("BOUNCED")).hasSize(BOUNCED.size());
        JsonNode manifest = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("manifest.json")));
        assertThat(manifest.get("counts").get("bounced").asInt()).isEqualTo(5);
        for (String file : List.of("deliveries.csv", "attempts.csv", "manifest.json")) {
            assertNoAddressIn(Files.readString(dir.resolve(file)));
        }
    }

    @Test
    void givenTheReadingThenTheLogHasOneMaskedLinePerBounceAndNoAddress() {
        assertThat(firstReadLogs.lines().filter(l -> l.contains("bounce recorded"))).hasSize(BOUNCED.size())
                .anySatisfy(l -> assertThat(l).contains("customer=10000101", "address=k***@example.com", "status=5.1.1",
                        "matchedBy=Message-ID"));
        assertThat(firstReadLogs).contains("bounces read campaign=bounce-example messages=13 bounced=5");
        assertNoAddressIn(firstReadLogs);
    }

    @Test
    void givenAPathThatCannotBeReadThenItIsNamedTheRestIsReadAndTheExitIs65() throws Exception {
        Path missing = temp.resolve("no-such.eml");
        Path broken = Files.writeString(temp.resolve("broken.mbox"), "From nobody\nSubject: x\n\n");
        Path named = Files.writeString(temp.resolve("Returned mail k.takahashi@example.com.eml"), "");

        CliHarness.Result result = cli.run("bounces", job.jobFile(), missing.toString(), broken.toString(),
                named.toString(), mailbox.resolve("postfix-user-unknown.eml").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains(missing + ": cannot read (no such file or folder)",
                broken + ": starts like an mbox file but has no From line",
                temp.resolve("Returned mail k***@example.com.eml") + ": empty file");
        assertThat(result.out()).containsPattern("already known +1\n").containsPattern("unreadable +3\n");
        assertNoAddressIn(result.out() + result.err());
    }

    @Test
    void givenNoPathOrACampaignThatNeverRanThenItIsAUsageError() throws Exception {
        CampaignWorkspace never = CampaignWorkspace.of(temp.resolve("never"), "bounce-never-run");

        CliHarness.Result noPath = cli.run("bounces", job.jobFile());
        CliHarness.Result neverRan = cli.run("bounces", never.jobFile(), mailbox.toString());

        assertThat(noPath.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noPath.err()).contains("PATH");
        assertThat(neverRan.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(neverRan.err()).contains("campaign bounce-never-run has never run");
    }

    /** Single .eml files, a Maildir (with a message still in tmp/ and Dovecot's files) and an mbox. */
    private Path exportTheBounceMailbox(Path dir, String otherCampaignsMessageId) {
        BounceFixtures.copy("postfix-user-unknown.eml", id("10000101"), dir.resolve("postfix-user-unknown.eml"));
        BounceFixtures.copy("carrier-unknown-user.eml", Map.of(), dir.resolve("carrier-unknown-user.eml"));
        BounceFixtures.copy("customer-reply.eml", id("10000112"), dir.resolve("customer-reply.eml"));
        Path maildir = dir.resolve("Maildir");
        BounceFixtures.copy("exchange-recipient-not-found.eml", id("10000106"),
                maildir.resolve("cur/1545700364.M412P2231.mx,S=4160,W=4250:2,S"));
        BounceFixtures.copy("gateway-no-original.eml", Map.of(), maildir.resolve("new/1545701475.M1P2231.mx"));
        BounceFixtures.copy("postfix-delayed.eml", id("10000104"), maildir.resolve("new/1545714310.M2P2231.mx"));
        BounceFixtures.copy("auto-reply-out-of-office.eml", id("10000110"), maildir.resolve("new/1545699900.M3P2231.mx"));
        BounceFixtures.copy("bounce-before-campaign.eml", Map.of(), maildir.resolve("new/1545269475.M4P2231.mx"));
        BounceFixtures.copy("postfix-user-unknown.eml", id("10000111"), maildir.resolve("tmp/1545701999.M5P2231.mx"));
        BounceFixtures.copy("customer-reply.eml", Map.of(), maildir.resolve("dovecot-uidlist"));
        BounceFixtures.copy("bounce-mailbox.mbox", Map.of(BounceFixtures.MESSAGE_ID, messageId(job.campaign(), "10000112"),
                BounceFixtures.OTHER_MESSAGE_ID, otherCampaignsMessageId), dir.resolve("bounces.mbox"));
        return dir;
    }

    private CliHarness.Result read() {
        return cli.run("bounces", job.jobFile(), mailbox.resolve("postfix-user-unknown.eml").toString(),
                mailbox.resolve("carrier-unknown-user.eml").toString(), mailbox.resolve("customer-reply.eml").toString(),
                mailbox.resolve("Maildir").toString(), mailbox.resolve("bounces.mbox").toString());
    }

    private Map<String, String> id(String customerId) {
        return Map.of(BounceFixtures.MESSAGE_ID, messageId(job.campaign(), customerId));
    }

    private String messageId(String campaign, String customerId) {
        return cli.jdbc().queryForObject("SELECT message_id FROM delivery WHERE campaign_id = ? AND customer_id = ?",
                String.class, campaign, customerId);
    }

    private List<String> bounced() {
        return cli.jdbc().queryForList("SELECT customer_id FROM delivery WHERE campaign_id = ? AND bounced_at IS NOT NULL"
                + " ORDER BY customer_id", String.class, job.campaign());
    }

    private Map<String, Object> bounce(String customerId) {
        return cli.jdbc().queryForMap("SELECT bounced_at, bounce_status, bounce_text FROM delivery WHERE campaign_id = ?"
                + " AND customer_id = ?", job.campaign(), customerId);
    }

    private int bouncedAttempts() {
        return cli.jdbc().queryForObject("SELECT COUNT(*) FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id"
                + " WHERE d.campaign_id = ? AND a.outcome = 'BOUNCED'", Integer.class, job.campaign());
    }

    /** In any case: a DSN may write an address's domain in another case than the input. */
    private void assertNoAddressIn(String text) {
        for (String email : emailByCustomer.values()) {
            assertThat(text).as("full address in output").doesNotContainIgnoringCase(email);
        }
    }
}
