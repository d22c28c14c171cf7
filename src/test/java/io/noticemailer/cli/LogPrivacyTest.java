package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.noticemailer.smtp.ScriptedSmtpServer;
import io.noticemailer.support.DataSourceProps;
import io.noticemailer.support.MariaDbTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real application in its own JVM, without a terminal, with the database and SMTP passwords in its
 * environment: everything it writes (stdout and stderr, plain and JSON logs) is searched for every customer
 * address and name of the input and for both passwords.
 */
@MariaDbTest
class LogPrivacyTest {

    private static final String SMTP_PASSWORD = "smtp-S3cret-pw";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("mailer", SMTP_PASSWORD));

    @TempDir
    Path temp;

    @Test
    void givenARunWithSmtpAuthThenTheOutputHasNoAddressNameOrPasswordAndEndsWithAProgressLine(DataSourceProps database)
            throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "privacy-auth");
        Map<String, String> env = environment(database, smtp.getSmtp().getPort());
        env.put("SPRING_MAIL_USERNAME", "mailer");
        env.put("SPRING_MAIL_PASSWORD", SMTP_PASSWORD);

        String output = run(List.of("run", job.jobFile()), env, 0);

        assertThat(smtp.getReceivedMessages()).hasSize(CampaignWorkspace.EXAMPLE_VALID);
        assertNothingPrivate(output, job, database);
        assertThat(output).contains("progress finished campaign=privacy-auth done=11/11 sent=11");
    }

    @Test
    void givenRejectionsEchoingAddressesAndJsonLogsThenEachLineIsJsonAndNothingPrivateShows(DataSourceProps database)
            throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "privacy-json");
        Path metrics = temp.resolve("notice-mailer.prom");
        String output;
        try (ScriptedSmtpServer relay = ScriptedSmtpServer.start()
                .failRecipient("yamazaki@example.jp", "550 5.1.1 <yamazaki@example.jp>: Recipient address rejected")
                .failRecipient("satoko@example.net", "450 4.2.0 <satoko@example.net>: mailbox busy")) {
            Map<String, String> env = environment(database, relay.port());
            env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
            output = run(List.of("run", job.jobFile(), "--metrics-file", metrics.toString()), env, ExitCodes.WORK_LEFT);
        }

        assertNothingPrivate(output, job, database);
        List<String> logLines = output.lines().filter(l -> l.startsWith("{")).toList();
        assertThat(logLines).isNotEmpty();
        for (String line : logLines) {
            JsonNode event = JsonMapper.builder().build().readTree(line);
            assertThat(event.get("message").asString()).isNotEmpty();
            assertThat(event.get("log").get("level").asString()).isNotEmpty();
        }
        assertThat(logLines).anySatisfy(l -> assertThat(l).contains("FAILED", "y***@example.jp"));
        assertThat(logLines).anySatisfy(l -> assertThat(l).contains("progress finished"));
        assertThat(Files.readString(metrics))
                .contains("notice_mailer_failed_total{campaign=\"privacy-json\",reply_class=\"5xx\"} 1.0")
                .contains("notice_mailer_deferred_total{campaign=\"privacy-json\",reply_class=\"4xx\"} 1.0")
                .contains("notice_mailer_sent_total{campaign=\"privacy-json\"} 9.0");
    }

    private void assertNothingPrivate(String output, CampaignWorkspace job, DataSourceProps database) {
        List<CSVRecord> customers = CsvFiles.read(job.input(), Charset.forName("windows-31j"));
        assertThat(customers).hasSize(CampaignWorkspace.EXAMPLE_CUSTOMERS);
        for (CSVRecord customer : customers) {
            assertThat(output).as("address in the output").doesNotContain(customer.get("メールアドレス"));
            assertThat(output).as("name in the output").doesNotContain(customer.get("氏名"));
            assertThat(output).as("family name in the output").doesNotContain(customer.get("氏名").split(" ")[0]);
        }
        assertThat(output).doesNotContain(database.password()).doesNotContain(SMTP_PASSWORD);
    }

    private String run(List<String> args, Map<String, String> env, int expectedExit) throws Exception {
        Path log = temp.resolve("child-" + System.nanoTime() + ".log");
        Process child = ChildProcess.start(log, args, env);
        assertThat(child.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log);
        assertThat(child.exitValue()).as(output).isEqualTo(expectedExit);
        return output;
    }

    private static Map<String, String> environment(DataSourceProps database, int smtpPort) {
        return new java.util.HashMap<>(Map.of("SPRING_DATASOURCE_URL", database.url(),
                "SPRING_DATASOURCE_USERNAME", database.username(), "SPRING_DATASOURCE_PASSWORD", database.password(),
                "SPRING_MAIL_HOST", "127.0.0.1", "SPRING_MAIL_PORT", String.valueOf(smtpPort),
                "SPRING_MAIL_PROPERTIES_MAIL_SMTP_TIMEOUT", "5000"));
    }
}
