package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import io.noticemailer.support.DataSourceProps;
import io.noticemailer.support.MariaDbTest;

/**
 * scripts/cron-run as cron runs it: against the built jar (target/notice-mailer.jar), a real MariaDB and an
 * outbox, with no terminal. It must pass the run's exit code through, keep everything in the dated log, and
 * print nothing unless a person must look.
 */
@MariaDbTest
class CronRunIT {

    private static final Path CRON_RUN = Path.of("scripts/cron-run").toAbsolutePath();

    @TempDir
    Path temp;

    private DataSourceProps database;
    private JdbcTemplate jdbc;
    private DataSource dataSource;

    record Result(int exitCode, String out, String err) {
    }

    @BeforeEach
    void database(DataSourceProps database, DataSource dataSource) {
        this.database = database;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        assertThat(Path.of("target/notice-mailer.jar")).as("cron-run tests run after mvn package").exists();
    }

    @Test
    void givenACampaignThatFinishesThenItExits0PrintsNothingAndTheDatedLogHasTheRun() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("w"), "cron-done");

        Result result = cronRun(job, "--outbox", temp.resolve("outbox").toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEmpty();
        String log = Files.readString(onlyLogFile());
        assertThat(log).contains("cron-run: run " + job.jobFile(), "SENT             11", "exit 0 (done)");
        assertThat(count(job, "SENT")).isEqualTo(CampaignWorkspace.EXAMPLE_VALID);
    }

    @Test
    void givenWorkLeftThenItExits75SilentlyAndTheNextRunCarriesOnIntoTheSameLog() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("w"), "cron-left");
        String outbox = temp.resolve("outbox").toString();

        Result first = cronRun(job, "--outbox", outbox, "--limit", "3");
        Result second = cronRun(job, "--outbox", outbox);

        assertThat(first.exitCode()).isEqualTo(ExitCodes.WORK_LEFT);
        assertThat(first.out() + first.err()).isEmpty();
        assertThat(second.exitCode()).isZero();
        assertThat(second.out() + second.err()).isEmpty();
        String log = Files.readString(onlyLogFile());
        assertThat(log).contains("exit 75 (work left: run again later)", "exit 0 (done)");
        assertThat(log.indexOf("exit 75")).isLessThan(log.indexOf("exit 0"));
    }

    @Test
    void givenAnotherRunHoldingTheLockThenItExits3SilentlyAndDoesNothing() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("w"), "cron-locked");
        try (Connection holder = dataSource.getConnection()) {
            assertThat(getLock(holder, "notice-mailer/" + job.campaign())).isTrue();

            Result result = cronRun(job, "--outbox", temp.resolve("outbox").toString());

            assertThat(result.exitCode()).isEqualTo(ExitCodes.LOCKED);
            assertThat(result.out() + result.err()).isEmpty();
        }
        assertThat(Files.readString(onlyLogFile())).contains("exit 3 (another run of this campaign holds the lock)");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE campaign_id = ?", Integer.class,
                job.campaign())).isZero();
    }

    @Test
    void givenUnknownDeliveriesThenItExits4AndPrintsTheRunSoThatCronMailsAPerson() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("w"), "cron-unknown");
        String outbox = temp.resolve("outbox").toString();
        assertThat(cronRun(job, "--outbox", outbox).exitCode()).isZero();
        jdbc.update("UPDATE delivery SET status = 'UNKNOWN' WHERE campaign_id = ? AND customer_id = '10000104'",
                job.campaign());

        Result result = cronRun(job, "--outbox", outbox);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.NEEDS_OPERATOR);
        assertThat(result.out()).contains("exit 4 (deliveries are UNKNOWN: a person must decide", "UNKNOWN           1",
                onlyLogFile().toString());
    }

    @Test
    void givenABadJobFileThenItExits2AndPrintsWhy() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("w"), "cron-bad");
        Files.writeString(Path.of(job.jobFile()), Files.readString(Path.of(job.jobFile())).replace("zone:", "zoen:"));

        Result result = cronRun(job, "--outbox", temp.resolve("outbox").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).contains("exit 2", "job.yml", "zoen");
    }

    private Result cronRun(CampaignWorkspace job, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", CRON_RUN.toString(), job.jobFile()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).directory(job.root().toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("NOTICE_MAILER"));
        env.put("SPRING_DATASOURCE_URL", database.url());
        env.put("SPRING_DATASOURCE_USERNAME", database.username());
        env.put("SPRING_DATASOURCE_PASSWORD", database.password());
        env.put("NOTICE_MAILER_LOG_DIR", temp.resolve("logs").toString());
        Path out = temp.resolve("stdout-" + System.nanoTime());
        Path err = temp.resolve("stderr-" + System.nanoTime());
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Path onlyLogFile() throws Exception {
        try (Stream<Path> files = Files.list(temp.resolve("logs"))) {
            List<Path> logs = files.toList();
            assertThat(logs).hasSize(1);
            assertThat(logs.get(0).getFileName().toString()).matches("job-\\d{4}-\\d\\d-\\d\\d\\.log");
            return logs.get(0);
        }
    }

    private int count(CampaignWorkspace job, String status) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE campaign_id = ? AND status = ?", Integer.class,
                job.campaign(), status);
    }

    private static boolean getLock(Connection connection, String name) throws Exception {
        try (PreparedStatement ps = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }
}
