package io.noticemailer.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A copy of the example campaign (job file, sample input, templates) in a temporary folder, under its own
 * campaign id so that tests sharing a database do not meet.
 */
final class CampaignWorkspace {

    static final Charset WINDOWS_31J = Charset.forName("windows-31j");
    static final int EXAMPLE_CUSTOMERS = 12;
    static final int EXAMPLE_VALID = 11;

    private final Path root;
    private final String campaign;

    private CampaignWorkspace(Path root, String campaign) {
        this.root = root;
        this.campaign = campaign;
    }

    static CampaignWorkspace of(Path dir, String campaign) {
        try {
            Files.createDirectories(dir.resolve("jobs"));
            Files.createDirectories(dir.resolve("templates"));
            try (Stream<Path> templates = Files.list(Path.of("templates"))) {
                for (Path t : templates.toList()) {
                    Files.copy(t, dir.resolve("templates").resolve(t.getFileName()));
                }
            }
            Files.copy(Path.of("jobs/dlmarket-2018-12-affected.csv"), dir.resolve("jobs/affected.csv"));
            String job = Files.readString(Path.of("jobs/dlmarket-2018-12.yml"))
                    .replace("campaign: dlmarket-2018-12", "campaign: " + campaign)
                    .replace("file: dlmarket-2018-12-affected.csv", "file: affected.csv");
            Files.writeString(dir.resolve("jobs/job.yml"), job);
            return new CampaignWorkspace(dir, campaign);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String campaign() {
        return campaign;
    }

    String jobFile() {
        return root.resolve("jobs/job.yml").toString();
    }

    Path input() {
        return root.resolve("jobs/affected.csv");
    }

    Path root() {
        return root;
    }

    /** Replaces the input with these lines (header first), written as Excel writes them: windows-31j, CRLF. */
    CampaignWorkspace withInput(String... lines) {
        write(input(), String.join("\r\n", lines) + "\r\n");
        return this;
    }

    /** Replaces the input with {@code count} valid customers (ids from 1), addressed by {@code email}. */
    CampaignWorkspace withCustomers(int count, java.util.function.IntFunction<String> email) {
        StringBuilder input = new StringBuilder("会員ID,氏名,メールアドレス,区分,決済日時\r\n");
        for (int i = 1; i <= count; i++) {
            input.append(i).append(",顧客 ").append(i).append("号,").append(email.apply(i)).append(',')
                    .append(i % 3 == 0 ? "form," : "card,2018/10/18 09:12").append("\r\n");
        }
        write(input(), input.toString());
        return this;
    }

    /** Appends top-level YAML (e.g. a throttle or sendWindow section) to the job file. */
    CampaignWorkspace withJobSettings(String... yamlLines) {
        try {
            Files.writeString(Path.of(jobFile()), String.join("\n", yamlLines) + "\n", java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    void appendInputLine(String line) {
        try {
            Files.write(input(), (line + "\r\n").getBytes(WINDOWS_31J), java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void editTemplate(String file, String from, String to) {
        Path template = root.resolve("templates").resolve(file);
        try {
            Files.writeString(template, Files.readString(template).replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces text in the job file (e.g. to add optional keys); fails when {@code from} is not there. */
    CampaignWorkspace editJob(String from, String to) {
        Path job = root.resolve("jobs/job.yml");
        try {
            String yaml = Files.readString(job);
            if (!yaml.contains(from)) {
                throw new IllegalArgumentException("job file has no \"" + from + "\"");
            }
            Files.writeString(job, yaml.replace(from, to));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.write(file, text.getBytes(WINDOWS_31J));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
