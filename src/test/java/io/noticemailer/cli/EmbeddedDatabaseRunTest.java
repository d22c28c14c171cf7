package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first-try setup of the README: the embedded H2 file database and an outbox, no server at all; and an H2 that
 * other processes can reach, where the in-process lock would not keep two runs apart.
 */
class EmbeddedDatabaseRunTest {

    @TempDir
    Path temp;

    @Test
    void givenTheEmbeddedDatabaseWhenTheExampleRunsTwiceThenEveryValidCustomerHasOneEmlAndTheRunIsAnnounced() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "embedded");
        Path outbox = temp.resolve("outbox");
        String url = "jdbc:h2:file:" + temp.resolve("data/notice-mailer");
        try (CliHarness cli = new CliHarness(List.of("--spring.datasource.url=" + url), Map.of())) {
            CliHarness.Result first = cli.run("run", job.jobFile(), "--outbox", outbox.toString());
            CliHarness.Result second = cli.run("run", job.jobFile(), "--outbox", outbox.toString());

            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.err().lines().findFirst().orElse("")).contains("embedded H2 database");
            assertThat(second.exitCode()).isZero();
            try (Stream<Path> files = Files.list(outbox)) {
                assertThat(files.count()).isEqualTo(CampaignWorkspace.EXAMPLE_VALID);
            }
            assertThat(cli.jdbc().queryForObject("SELECT COUNT(*) FROM delivery_attempt", Integer.class))
                    .isEqualTo(CampaignWorkspace.EXAMPLE_VALID);
        }
    }

    @Test
    void givenAnH2ServerThatOtherProcessesShareThenRunRefusesWithExit2AndReadingStillWorks() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "h2-server");
        Server h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", temp.resolve("h2").toString()).start();
        try (CliHarness cli = new CliHarness(List.of("--spring.datasource.url=jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/ledger"),
                Map.of())) {
            CliHarness.Result run = cli.run("run", job.jobFile(), "--outbox", temp.resolve("outbox").toString());

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains("jdbc:h2:tcp:", "MySQL or MariaDB");
            assertThat(temp.resolve("outbox")).doesNotExist();
            assertThat(cli.jdbc().queryForObject("SELECT COUNT(*) FROM delivery", Integer.class)).isZero();
            assertThat(cli.run("status", job.jobFile()).exitCode()).isZero();
        } finally {
            h2.stop();
        }
    }
}
