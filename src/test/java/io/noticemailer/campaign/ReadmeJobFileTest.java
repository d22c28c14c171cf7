package io.noticemailer.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job file shown in the README is one the loader accepts, with the throttle, window, charset and DKIM it describes. */
class ReadmeJobFileTest {

    @TempDir
    Path root;

    @Test
    void theReadmesJobFileExampleLoadsWithEverySettingItShows() throws IOException {
        new JobFiles().createTemplates(root);
        Path job = Files.createDirectories(root.resolve("jobs")).resolve("my-campaign.yml");
        Files.writeString(job, readmeExample());
        // The example names a DKIM key file: the loader only needs it readable (the key itself is checked by the lint).
        Files.writeString(Files.createDirectories(root.resolve("keys")).resolve("dkim-nm2018.pem"), "key");

        JobFile loaded = new JobFileLoader().load(job);

        assertThat(loaded.throttle().messagesPerSecond()).isEqualTo(20.0);
        assertThat(loaded.throttle().connections()).isEqualTo(4);
        assertThat(loaded.throttle().dailyQuota()).isEqualTo(50_000);
        assertThat(loaded.throttle().domains()).containsEntry("docomo.ne.jp", new ThrottleSpec.DomainLimit(2, 1, 100));
        assertThat(loaded.charset()).isEqualTo("UTF-8");
        assertThat(loaded.dkim().selector()).isEqualTo("nm2018");
        assertThat(loaded.allowedUrlDomains()).containsExactly("dlmarket.example");
        assertThat(loaded.previousCampaigns()).isEmpty();
        assertThat(loaded.sendWindow()).isEqualTo(new SendWindow(LocalTime.of(9, 0), LocalTime.of(20, 0), ZoneId.of("Asia/Tokyo")));
    }

    private static String readmeExample() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## The job file");
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }
}
