package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A setting that cannot be bound at startup is a configuration error (exit 2) reported on one line that names
 * the setting, where it came from and why, as the real application started in its own JVM reports it.
 */
class StartupSettingsTest {

    @TempDir
    Path temp;

    @Test
    void givenAPortThatIsNotANumberOnTheCommandLineThenExit2NamesTheSetting() throws Exception {
        Started started = start(List.of("--spring.mail.port=abc"), Map.of());

        assertThat(started.exitCode()).as(started.output()).isEqualTo(ExitCodes.USAGE);
        assertThat(started.reason()).contains("spring.mail.port = \"abc\"", "commandLineArgs", "not a valid Integer");
    }

    @Test
    void givenAPortThatIsNotANumberInTheEnvironmentThenExit2NamesTheVariable() throws Exception {
        Started started = start(List.of(), Map.of("SPRING_MAIL_PORT", "abc"));

        assertThat(started.exitCode()).as(started.output()).isEqualTo(ExitCodes.USAGE);
        assertThat(started.reason()).contains("spring.mail.port", "SPRING_MAIL_PORT", "not a valid Integer");
    }

    @Test
    void givenAChunkSizeOfZeroThenExit2SaysWhatItMustBe() throws Exception {
        Started started = start(List.of("--notice-mailer.send.chunk-size=0"), Map.of());

        assertThat(started.exitCode()).as(started.output()).isEqualTo(ExitCodes.USAGE);
        assertThat(started.reason()).contains("notice-mailer.send.chunk-size must be at least 1, found 0");
    }

    private Started start(List<String> settings, Map<String, String> environment) throws Exception {
        Path log = temp.resolve("startup.log");
        List<String> args = new java.util.ArrayList<>(List.of("status", "jobs/dlmarket-2018-12.yml",
                "--spring.datasource.url=jdbc:h2:file:" + temp.resolve("data/ledger")));
        args.addAll(settings);
        Process child = ChildProcess.start(log, args, environment);
        int code = ChildRuns.exitCode(child, log);
        return new Started(code, Files.readString(log));
    }

    private record Started(int exitCode, String output) {

        /** The one line the operator gets; nothing else (no stack trace). */
        String reason() {
            assertThat(output).doesNotContain("\tat ").contains("notice-mailer: configuration error: setting ");
            List<String> lines = output.lines().filter(l -> l.startsWith("notice-mailer: configuration error")).toList();
            assertThat(lines).hasSize(1);
            return lines.get(0);
        }
    }
}
