package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.noticemailer.smtp.ScriptedSmtpServer;
import io.noticemailer.support.DataSourceProps;
import io.noticemailer.support.MariaDbTest;

/**
 * {@code spring.mail.properties.mail.smtp.auth=true} is the operator's word that mail goes out authenticated: the
 * job's mail session keeps it (it used to be forced off), so credentials that are incomplete never end in mail
 * sent without authentication, even to a relay that would take it.
 */
@MariaDbTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmtpAuthenticationRunTest {

    @TempDir
    Path temp;

    private ScriptedSmtpServer relay;
    private CliHarness cli;

    @BeforeAll
    void start(DataSourceProps database) throws Exception {
        relay = ScriptedSmtpServer.start(); // an open relay: it would take mail without AUTH
        cli = new CliHarness(database.asArguments(), Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", relay.port(),
                "spring.mail.username", "notices",
                "spring.mail.properties.mail.smtp.auth", "true",
                "spring.mail.properties.mail.smtp.timeout", "1000",
                "spring.mail.properties.mail.smtp.connectiontimeout", "1000"));
    }

    @AfterAll
    void stop() throws Exception {
        cli.close();
        relay.close();
    }

    @Test
    void givenAuthRequiredAndNoPasswordThenNothingIsSentWithoutAuthenticationAndNobodyFails() {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "smtp-auth-required");

        CliHarness.Result run = cli.run("run", job.jobFile());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(relay.delivered()).as("no message went out unauthenticated").isEmpty();
        assertThat(relay.commands()).noneMatch(command -> command.startsWith("MAIL"));
        assertThat(cli.jdbc().queryForList("SELECT DISTINCT status FROM delivery WHERE campaign_id = ? AND status <> 'INVALID'",
                String.class, job.campaign())).isSubsetOf("PENDING", "DEFERRED");
    }
}
