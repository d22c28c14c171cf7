package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import io.noticemailer.smtp.ScriptedSmtpServer;
import io.noticemailer.support.DataSourceProps;
import io.noticemailer.support.MariaDbTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * When the list changes, through the real CLI on MariaDB and a scripted SMTP server. Customers found later go in a
 * new campaign naming the earlier one ({@code previousCampaigns}): nobody the earlier campaign notified, may have
 * notified or is still to notify is mailed again. A file whose import failed midway (nothing can have been sent)
 * may be replaced; once the import completed, it may not.
 */
@MariaDbTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListChangesTest {

    private static final String HEADER = "会員ID,氏名,メールアドレス,区分,決済日時";

    @TempDir
    Path temp;

    private ScriptedSmtpServer relay;
    private CliHarness cli;

    @BeforeAll
    void start(DataSourceProps database) throws Exception {
        relay = ScriptedSmtpServer.start()
                .failRecipient("x2@example.jp", "550 5.1.1 unknown user")
                .dropAfterData("x3@example.jp");
        Map<String, Object> settings = new HashMap<>(CliHarness.smtp(relay.port()));
        settings.put("spring.mail.properties.mail.smtp.timeout", "1000");
        settings.put("notice-mailer.send.import-chunk-size", 5);
        cli = new CliHarness(database, settings);
    }

    @AfterAll
    void stop() throws Exception {
        cli.close();
        relay.close();
    }

    @Test
    void givenALaterListNamingTheEarlierCampaignThenOnlyCustomersItDidNotCoverAreMailed() throws Exception {
        CampaignWorkspace first = CampaignWorkspace.of(temp.resolve("x"), "breach-x").withCustomers(6, i -> "x" + i + "@example.jp");
        assertThat(cli.run("run", first.jobFile()).exitCode()).as("x3 is in doubt").isEqualTo(ExitCodes.NEEDS_OPERATOR);
        CampaignWorkspace later = CampaignWorkspace.of(temp.resolve("y"), "breach-y").withInput(HEADER,
                        "1,顧客 1号,x1@example.jp,card,2018/10/18 09:12",
                        "2,顧客 2号,x2.new@example.jp,card,2018/10/18 09:12",
                        "3,顧客 3号,x3@example.jp,form,",
                        "4,顧客 4号,x4@example.jp,card,2018/10/18 09:12",
                        "7,顧客 7号,y7@example.jp,card,2018/10/18 09:12",
                        "8,顧客 8号,x5@example.jp,card,2018/10/18 09:12",
                        "5,顧客 5号,x5@example.jp,card,2018/10/18 09:12",
                        "6,顧客 6号,x6@example.jp,form,")
                .withJobSettings("previousCampaigns: [breach-x]");

        CliHarness.Result validate = cli.run("validate", later.jobFile());
        CliHarness.Result run = cli.run("run", later.jobFile());

        assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
        assertThat(validate.out()).contains(
                "line 2: customer 1 was already notified in campaign breach-x (SENT there): not imported (line rejected)",
                "line 4: customer 3 may already have been notified in campaign breach-x (UNKNOWN there)",
                "line 7: the address of customer 8 was already notified in campaign breach-x as customer 5 (SENT there)",
                "6 lines left out", "2 deliveries ready");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(relay.deliveredTo("x2.new@example.jp")).as("unreached by breach-x: a new address").isEqualTo(1);
        assertThat(relay.deliveredTo("y7@example.jp")).isEqualTo(1);
        for (String address : List.of("x1@example.jp", "x3@example.jp", "x4@example.jp", "x5@example.jp", "x6@example.jp")) {
            assertThat(relay.deliveredTo(address)).as(address + " mailed once, by breach-x").isEqualTo(1);
        }
        JsonNode status = JsonMapper.builder().build().readTree(cli.run("status", later.jobFile(), "--json").out());
        assertThat(status.get("total").asInt()).isEqualTo(2);
        assertThat(status.get("rejectedLines").asInt()).isEqualTo(6);
        assertThat(status.get("earlierCampaigns").get("breach-x").asInt()).isEqualTo(6);
        LedgerAgreement.assertAgrees(cli.jdbc(), later.campaign(), relay);

        later.appendInputLine("9,顧客 9号,y9@example.jp,card,2018/10/18 09:12");
        CliHarness.Result changed = cli.run("run", later.jobFile());
        assertThat(changed.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(changed.err()).contains("cannot change once imported", "previousCampaigns: [breach-y]");
    }

    @Test
    void givenPreviousCampaignsNamingACampaignTheLedgerDoesNotKnowThenValidateAndRunExit2NamingIt() {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("unknown"), "late-unknown")
                .withJobSettings("previousCampaigns: [breach-never-run]");

        CliHarness.Result validate = cli.run("validate", job.jobFile());
        CliHarness.Result run = cli.run("run", job.jobFile());

        assertThat(validate.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("previousCampaigns: campaign breach-never-run is not in this ledger");
        assertThat(cli.jdbc().queryForObject("SELECT COUNT(*) FROM campaign WHERE id = ?", Integer.class, job.campaign()))
                .isZero();
    }

    @Test
    void givenAnImportThatFailedMidwayWhenTheFixedFileRunsThenThePartialImportIsReplacedAndEveryoneIsMailedOnce()
            throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("quote"), "broken-quote").withInput(list(30, 24, 2));
        byte[] broken = Files.readAllBytes(job.input());

        CliHarness.Result failed = cli.run("run", job.jobFile());

        assertThat(failed.exitCode()).as(failed.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(deliveries(job)).as("a partial import").isNotEmpty().contains("2").doesNotContain("24");
        job.withInput(list(30, 0, 1002));
        ListAppender<ILoggingEvent> warnings = capture("io.noticemailer.job.CampaignInput");

        CliHarness.Result fixed = cli.run("run", job.jobFile());

        assertThat(fixed.exitCode()).as(fixed.out() + fixed.err()).isZero();
        assertThat(warnings.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("changed before its import completed", "sha256 " + sha256(broken),
                        "sha256 " + sha256(Files.readAllBytes(job.input())));
        assertThat(deliveries(job)).hasSize(30).contains("1002", "24").doesNotContain("2");
        assertThat(relay.delivered().stream().filter(a -> a.startsWith("q")).count()).isEqualTo(30);
        LedgerAgreement.assertAgrees(cli.jdbc(), job.campaign(), relay);

        job.withInput(list(31, 0, 1002));
        CliHarness.Result afterImport = cli.run("run", job.jobFile());
        assertThat(afterImport.exitCode()).as("imported: the list cannot change any more").isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void givenAPartialImportOfWhichSomethingMayHaveBeenSentThenAChangedFileIsStillRefused() {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("sent"), "broken-sent").withInput(list(30, 24, 2));
        assertThat(cli.run("run", job.jobFile()).exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        // The import step's end could not be recorded, yet the send step ran: the ledger is what shows it.
        cli.jdbc().update("UPDATE delivery SET status = 'SENT', attempts = 1 WHERE campaign_id = ? AND customer_id = '1'",
                job.campaign());
        List<String> before = deliveries(job);
        job.withInput(list(30, 0, 1002));

        CliHarness.Result changed = cli.run("run", job.jobFile());

        assertThat(changed.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(deliveries(job)).isEqualTo(before);
    }

    /** {@code count} customers q1@… (ids from 1, the second one's id {@code secondId}); an unclosed quote at id {@code brokenAt}. */
    private static String[] list(int count, int brokenAt, int secondId) {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 1; i <= count; i++) {
            int id = i == 2 ? secondId : i;
            String name = i == brokenAt ? "\"顧客 " + id + "号" : "顧客 " + id + "号";
            lines.add(id + "," + name + ",q" + id + "@example.jp,card,2018/10/18 09:12");
        }
        return lines.toArray(String[]::new);
    }

    private List<String> deliveries(CampaignWorkspace job) {
        return cli.jdbc().queryForList("SELECT customer_id FROM delivery WHERE campaign_id = ? ORDER BY id", String.class,
                job.campaign());
    }

    private static ListAppender<ILoggingEvent> capture(String loggerName) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(loggerName)).addAppender(appender);
        return appender;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
