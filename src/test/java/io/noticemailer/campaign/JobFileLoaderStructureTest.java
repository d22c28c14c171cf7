package io.noticemailer.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Job files whose shape is wrong: unknown, missing and duplicate keys, YAML syntax, wrong types. */
class JobFileLoaderStructureTest {

    @TempDir
    Path root;

    private final JobFiles jobs = new JobFiles();

    @BeforeEach
    void createTemplates() throws IOException {
        jobs.createTemplates(root);
    }

    @Test
    void unknownTopLevelKeyIsNamedWithItsLine() {
        JobFileException e = failure(JobFiles.MINIMAL + "sendwindow: {from: \"09:00\", to: \"20:00\"}\n");

        assertThat(e.key()).isEqualTo("sendwindow");
        assertThat(e).hasMessageContaining("unknown key").hasMessageContaining("line 12");
    }

    @Test
    void unknownNestedKeyIsNamedWithItsPath() {
        JobFileException e = failure(JobFiles.MINIMAL.replace("email: メールアドレス", "mail: メールアドレス"));

        assertThat(e.key()).isEqualTo("input.columns.mail");
    }

    @Test
    void missingRequiredKeyIsNamedWithItsPath() {
        JobFileException e = failure(JobFiles.MINIMAL.replace(", email: メールアドレス", ""));

        assertThat(e.key()).isEqualTo("input.columns.email");
        assertThat(e).hasMessageContaining("missing");
    }

    @Test
    void missingTopLevelSectionIsNamed() {
        assertThat(failure(JobFiles.MINIMAL.replace("campaign: test-1\n", "")).key()).isEqualTo("campaign");
        assertThat(failure(JobFiles.MINIMAL.replace("managementCode: {prefix: DL}\n", "")).key())
                .isEqualTo("managementCode");
    }

    @Test
    void duplicateKeyIsRejectedNamingBothLines() {
        JobFileException e = failure(JobFiles.MINIMAL.replace("  card: card-leak\n", "  card: card-leak\n  card: fake-form-only\n"));

        assertThat(e.key()).isEqualTo("cohorts.card");
        assertThat(e).hasMessageContaining("duplicate key").hasMessageContaining("line 8").hasMessageContaining("line 9");
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() {
        JobFileException e = failure(JobFiles.MINIMAL.replace("  card: card-leak\n", "  card: [card-leak\n"));

        assertThat(e.key()).isNull();
        assertThat(e).hasMessageMatching("(?s).*line (8|9|10), column \\d+: YAML syntax error.*");
    }

    @Test
    void wrongTypesAreRejected() {
        JobFileException count = failure(JobFiles.MINIMAL + "throttle: {connections: four}\n");
        JobFileException list = failure(JobFiles.MINIMAL
                .replace("  card: card-leak\n  form: fake-form-only\n", "  - card-leak\n  - fake-form-only\n"));

        assertThat(count.key()).isEqualTo("throttle.connections");
        assertThat(count).hasMessageContaining("must be a whole number");
        assertThat(list.key()).isEqualTo("cohorts");
        assertThat(list).hasMessageContaining("must be a mapping");
    }

    @Test
    void domainLimitProblemNamesTheDomainInTheKeyPath() {
        JobFileException e = failure(JobFiles.MINIMAL
                + "throttle: {domains: {docomo.ne.jp: {messagesPerSecond: 2, connections: 0}}}\n");

        assertThat(e.key()).isEqualTo("throttle.domains.docomo.ne.jp.connections");
    }

    @Test
    void unreadableJobFileHasNoKey() {
        Path missing = root.resolve("jobs/none.yml");

        JobFileException e = catchThrowableOfType(JobFileException.class, () -> new JobFileLoader().load(missing));

        assertThat(e.key()).isNull();
        assertThat(e.file()).isEqualTo(missing.toAbsolutePath());
    }

    @Test
    void emptyJobFileIsRejected() {
        JobFileException e = failure("# nothing yet\n");

        assertThat(e.key()).isNull();
        assertThat(e).hasMessageContaining("empty");
    }

    private JobFileException failure(String yaml) {
        return jobs.rejection(root, yaml);
    }
}
