package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noticemailer.support.DataSourceProps;
import io.noticemailer.support.MariaDbTest;

/**
 * run's progress as people see it, from the built jar: under a pseudo-terminal (util-linux `script`) the
 * live bar is drawn on it; with output to a file there is no bar but a plain progress line at the end.
 */
@MariaDbTest
class TerminalProgressIT {

    private static final Path JAR = Path.of("target/notice-mailer.jar").toAbsolutePath();

    @TempDir
    Path temp;

    @Test
    void givenATerminalThenTheLiveBarIsDrawnWithDoneOfTotalAndCounts(DataSourceProps database) throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("tty"), "progress-tty");
        // script gives the child a pseudo-terminal without a size: give it one, as a terminal window has.
        String run = "stty cols 160 rows 40; java -Dfile.encoding=UTF-8 -jar " + JAR + " run " + job.jobFile() + " --outbox " + temp.resolve("o1");

        String screen = start(List.of("script", "-qec", run, "/dev/null"), database);

        assertThat(screen).contains("\r", "sending", "11/11", "msg/s", "sent 11 | deferred 0 | failed 0 | unknown 0");
        assertThat(screen).doesNotContain("progress finished");
        assertThat(screen).contains("SENT             11");
    }

    @Test
    void givenNoTerminalThenThereIsNoBarButAProgressLineAtTheEnd(DataSourceProps database) throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("file"), "progress-file");

        String output = start(List.of("java", "-Dfile.encoding=UTF-8", "-jar", JAR.toString(), "run", job.jobFile(),
                "--outbox", temp.resolve("o2").toString()), database);

        assertThat(output).doesNotContain("\r").doesNotContain("sending ");
        assertThat(output).contains("progress finished campaign=progress-file done=11/11 sent=11 deferred=0 failed=0");
    }

    @Test
    void givenQuietThenOnlyTheSummaryIsPrinted(DataSourceProps database) throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("quiet"), "quiet-run");

        String output = start(List.of("java", "-Dfile.encoding=UTF-8", "-jar", JAR.toString(), "run", job.jobFile(),
                "--outbox", temp.resolve("o3").toString(), "--quiet"), database);

        assertThat(output).doesNotContain("progress finished").doesNotContain(" INFO ");
        assertThat(output).contains("campaign quiet-run: 12 deliveries", "SENT             11");
    }

    private String start(List<String> command, DataSourceProps database) throws Exception {
        Path output = temp.resolve("out-" + System.nanoTime());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.put("SPRING_DATASOURCE_URL", database.url());
        env.put("SPRING_DATASOURCE_USERNAME", database.username());
        env.put("SPRING_DATASOURCE_PASSWORD", database.password());
        Process process = builder.start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(output);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }
}
