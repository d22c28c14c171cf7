package io.noticemailer.campaign;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes job files and empty templates into a test folder laid out like the repository (jobs/, templates/). */
final class JobFiles {

    /** Only the required keys; line numbers matter to the tests. */
    static final String MINIMAL = """
            campaign: test-1
            input:
              columns: {customerId: 会員ID, name: 氏名, email: メールアドレス, cohort: 区分}
            sender:
              from: "ディー・エル・マーケット株式会社 <support@dlmarket.example>"
            hotline: {phone: "0120-790-230", hours: "9:30~18:30"}
            cohorts:
              card: card-leak
              form: fake-form-only
            managementCode: {prefix: DL}
            # optional keys are appended below by the tests
            """;
    private static final String[] TEMPLATE_NAMES = {"card-leak", "fake-form-only"};

    private final JobFileLoader loader = new JobFileLoader();

    Path write(Path root, String yaml) {
        try {
            Path job = Files.createDirectories(root.resolve("jobs")).resolve("test.yml");
            return Files.writeString(job, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The failure of loading {@code yaml}; null (so the caller's assertions fail) when it loads. */
    JobFileException rejection(Path root, String yaml) {
        Path job = write(root, yaml);
        return catchThrowableOfType(JobFileException.class, () -> loader.load(job));
    }

    /** Empty subject and body files for the templates the example and {@link #MINIMAL} name, in root/templates. */
    void createTemplates(Path root) throws IOException {
        Path folder = Files.createDirectories(root.resolve("templates"));
        for (String name : TEMPLATE_NAMES) {
            Files.writeString(folder.resolve(name + ".subject.ftl"), "");
            Files.writeString(folder.resolve(name + ".body.ftl"), "");
        }
    }
}
