package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.noticemailer.support.DataSourceProps;
import io.noticemailer.support.MariaDbTest;

/**
 * test-send through a real SMTP server (GreenMail), with the ledger compared before and after: sample values by
 * default (no customer's name or data reaches the internal address), a customer's row only with --customer.
 */
@MariaDbTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestSendCommandTest {

    private static final String INTERNAL = "qa-phone@dlmarket.example";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @TempDir
    Path temp;

    private CliHarness cli;

    @BeforeAll
    void start(DataSourceProps database) {
        cli = new CliHarness(database, CliHarness.smtp(smtp.getSmtp().getPort()));
    }

    @AfterAll
    void stop() {
        cli.close();
    }

    @BeforeEach
    void emptyMailboxes() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void givenACampaignNeverRunThenEachCohortsMessageWithSampleValuesReachesTheInternalAddressAndTheLedgerStaysEmpty()
            throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "testsend-new");
        List<Object> before = ledgerState();

        CliHarness.Result result = cli.run("test-send", job.jobFile(), "--to", INTERNAL);

        assertThat(result.exitCode()).as(result.err()).isZero();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        for (MimeMessage message : received) {
            assertThat(message.getSubject()).startsWith("[TEST] ").matches("(?s).*DL-[0-9A-Z]{4}-[0-9A-Z]{4}$");
            assertThat(((InternetAddress) message.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress())
                    .isEqualTo(INTERNAL);
        }
        List<String> bodies = Arrays.stream(received).map(TestSendCommandTest::body).toList();
        assertThat(bodies).allSatisfy(body -> assertThat(body).contains("[氏名] 様"))
                .anySatisfy(body -> assertThat(body).contains("お客様の決済日時は [決済日時] でございます"));
        for (String realValue : List.of("髙橋", "山﨑", "山田", "小林", "10000101", "10000103", "2018/10/18", "example.com")) {
            assertThat(String.join("\n", bodies)).as("no customer's data in a test mail").doesNotContain(realValue);
        }
        assertThat(result.out()).contains("card: sent to q***@dlmarket.example (sample values)",
                "form: sent to q***@dlmarket.example (sample values)");
        assertThat(ledgerState()).isEqualTo(before);
        assertThat(cli.jdbc().queryForObject("SELECT COUNT(*) FROM campaign WHERE id = ?", Integer.class, job.campaign()))
                .isZero();
    }

    @Test
    void givenACampaignAlreadyRunThenTestSendChangesNothingInItsLedgerAndUsesNoCustomersCode() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("ran"), "testsend-ran");
        assertThat(cli.run("run", job.jobFile()).exitCode()).isZero();
        smtp.purgeEmailFromAllMailboxes();
        List<Object> before = ledgerState();

        CliHarness.Result result = cli.run("test-send", job.jobFile(), "--to", INTERNAL, "--cohort", "form");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        MimeMessage message = smtp.getReceivedMessages()[0];
        String code = message.getSubject().substring(message.getSubject().lastIndexOf("DL-"));
        assertThat(cli.jdbc().queryForObject("SELECT COUNT(*) FROM delivery WHERE management_code = ?", Integer.class, code))
                .isZero();
        assertThat(cli.jdbc().queryForList("SELECT message_id FROM delivery WHERE campaign_id = ?", String.class,
                job.campaign())).doesNotContain(message.getMessageID());
        assertThat(ledgerState()).isEqualTo(before);
    }

    @Test
    void givenACustomerIdThenThatCustomersRowIsRenderedInItsOwnCohort() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("customer"), "testsend-customer");

        CliHarness.Result result = cli.run("test-send", job.jobFile(), "--to", INTERNAL, "--customer", "10000103");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(body(smtp.getReceivedMessages()[0])).contains("山田 太郎 様");
        assertThat(result.out()).contains("form: sent to q***@dlmarket.example (customer 10000103, input line 4)");
        assertThat(cli.run("test-send", job.jobFile(), "--to", INTERNAL, "--customer", "10000107").exitCode())
                .as("an invalid row is not sent").isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void givenACohortThatIsNotInTheJobFileThenItIsAUsageErrorAndNothingIsSent() {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("bad"), "testsend-bad");

        CliHarness.Result result = cli.run("test-send", job.jobFile(), "--to", INTERNAL, "--cohort", "postal");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("postal", "card, form");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    /** Every row of every ledger table, so that any change shows. */
    private List<Object> ledgerState() {
        return List.of(cli.jdbc().queryForList("SELECT * FROM campaign ORDER BY id"),
                cli.jdbc().queryForList("SELECT * FROM delivery ORDER BY id"),
                cli.jdbc().queryForList("SELECT * FROM delivery_attempt ORDER BY id"),
                cli.jdbc().queryForList("SELECT * FROM rejected_line ORDER BY id"));
    }

    private static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
