package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.noticemailer.code.ManagementCodes;
import io.noticemailer.support.DataSourceProps;
import io.noticemailer.support.MariaDbTest;

/**
 * lookup on a real ledger filled by a run, with codes as hotline staff hear and type them. One delivery's
 * code is set to one made of 1s and 0s so that the look-alikes (I, L for 1; O for 0) are always exercised.
 */
@MariaDbTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LookupCommandTest {

    private static final ManagementCodes CODES = new ManagementCodes(new SecureRandom());

    private CliHarness cli;
    private CampaignWorkspace job;
    /** DL-1010-101? : a valid code whose characters all have look-alikes. */
    private String lookAlikeCode;
    private String code;

    @BeforeAll
    void runACampaign(DataSourceProps database, @TempDir Path temp) {
        cli = new CliHarness(database, Map.of());
        job = CampaignWorkspace.of(temp, "lookup-example");
        assertThat(cli.run("run", job.jobFile(), "--outbox", temp.resolve("outbox").toString()).exitCode()).isZero();
        lookAlikeCode = new ManagementCodes(alternating()).generate("DL");
        cli.jdbc().update("UPDATE delivery SET management_code = ? WHERE campaign_id = ? AND customer_id = '10000103'",
                lookAlikeCode, job.campaign());
        code = cli.jdbc().queryForObject("SELECT management_code FROM delivery WHERE campaign_id = ? AND customer_id = ?",
                String.class, job.campaign(), "10000101");
    }

    @AfterAll
    void stop() {
        cli.close();
    }

    @Test
    void givenTheCodeAsPrintedThenItShowsTheDeliveryAndNothingMore() {
        CliHarness.Result result = cli.run("lookup", code);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.DONE);
        assertThat(result.out()).contains(code + ": found", "campaign       lookup-example", "customer id    10000101",
                "address        k***@example.com", "cohort         card", "status         SENT", "attempts       1",
                "imported", "last attempt", "sent");
        assertThat(result.out()).doesNotContain("k.takahashi@example.com").doesNotContain("髙橋")
                .doesNotContain("2018/10/18");
    }

    @Test
    void givenTheCodeInLowerCaseWithoutHyphensOrWithSpacesOrFullWidthThenItIsFound() {
        String compact = code.replace("-", "");
        for (String typed : List.of(code.toLowerCase(), compact, compact.toLowerCase(), code.replace("-", " "),
                toFullWidth(code), " " + code + " ")) {
            CliHarness.Result result = cli.run("lookup", typed);
            assertThat(result.exitCode()).as(typed).isEqualTo(ExitCodes.DONE);
            assertThat(result.out()).as(typed).contains("customer id    10000101");
        }
    }

    @Test
    void givenTheCodeReadAsSeveralWordsThenTheyAreJoined() {
        String[] parts = code.split("-");

        CliHarness.Result result = cli.run("lookup", parts[0], parts[1], parts[2]);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.DONE);
    }

    @Test
    void givenLookAlikeLettersForOneAndZeroThenTheCodeIsFound() {
        String characters = lookAlikeCode.substring(3).replace("-", "");
        for (String typed : List.of(lookAlikeCode.replace('1', 'I').replace('0', 'O').substring(0, 3)
                        + characters.replace('1', 'I').replace('0', 'O'),
                "dl-" + characters.replace('1', 'l').replace('0', 'o'),
                "DL" + characters.replace('1', 'L'))) {
            CliHarness.Result result = cli.run("lookup", typed);
            assertThat(result.exitCode()).as(typed).isEqualTo(ExitCodes.DONE);
            assertThat(result.out()).as(typed).contains("customer id    10000103");
        }
    }

    @Test
    void givenOneMistypedCharacterAnywhereThenItIsReportedAsMistypedWithTheRealCodeListed() {
        String characters = code.substring(3).replace("-", "");
        for (int position = 0; position < characters.length(); position++) {
            String mistyped = format(replaceAt(characters, position, different(characters.charAt(position))));
            CliHarness.Result result = cli.run("lookup", mistyped);
            assertThat(result.exitCode()).as(mistyped).isEqualTo(ExitCodes.MISTYPED);
            assertThat(result.out()).as(mistyped).contains(mistyped + ": mistyped", "code           " + code,
                    "customer id    10000101");
        }
    }

    @Test
    void givenTwoNeighboursSwappedThenItIsReportedAsMistypedWithTheRealCodeListed() {
        String characters = code.substring(3).replace("-", "");
        String swapped = null;
        for (int i = 0; i + 1 < characters.length() && swapped == null; i++) {
            String candidate = format(swap(characters, i));
            if (characters.charAt(i) != characters.charAt(i + 1) && !CODES.isValid(candidate)) {
                swapped = candidate;
            }
        }
        assertThat(swapped).as("a detectable swap in " + code).isNotNull();

        CliHarness.Result result = cli.run("lookup", swapped.toLowerCase().replace("-", ""));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.MISTYPED);
        assertThat(result.out()).contains("code           " + code);
    }

    @Test
    void givenAValidCodeThatNoDeliveryHasThenItIsNotFound() {
        String other = CODES.generate("DL");

        CliHarness.Result result = cli.run("lookup", other);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(result.out()).contains(other, "no delivery has this code");
    }

    @Test
    void givenSomethingThatIsNoCodeThenItIsAUsageError() {
        CliHarness.Result result = cli.run("lookup", "hello");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("cannot be read as a management code");
    }

    private String format(String characters) {
        return "DL-" + characters.substring(0, 4) + "-" + characters.substring(4);
    }

    private static String replaceAt(String s, int i, char c) {
        return s.substring(0, i) + c + s.substring(i + 1);
    }

    private static String swap(String s, int i) {
        return s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
    }

    private static char different(char c) {
        return c == 'X' ? 'Y' : 'X';
    }

    private static String toFullWidth(String code) {
        StringBuilder wide = new StringBuilder();
        code.chars().forEach(c -> wide.append(c == '-' ? 'ー' : (char) (c + 0xFEE0)));
        return wide.toString();
    }

    /** Payload 1010101: every code character then has a look-alike (the check character may not). */
    private static RandomGenerator alternating() {
        return new RandomGenerator() {
            private int next;

            @Override
            public long nextLong() {
                return next++ % 2 == 0 ? 1 : 0;
            }

            @Override
            public int nextInt(int bound) {
                return (int) nextLong();
            }
        };
    }
}
