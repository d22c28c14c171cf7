package io.noticemailer.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Job files whose values are wrong: each problem names its key. */
class JobFileLoaderValueTest {

    @TempDir
    Path root;

    private final JobFiles jobs = new JobFiles();

    @BeforeEach
    void createTemplates() throws IOException {
        jobs.createTemplates(root);
    }

    @Test
    void previousCampaignsAreReadInOrderAndEachMustBeAnotherValidCampaignIdGivenOnce() {
        Path job = jobs.write(root, JobFiles.MINIMAL + "previousCampaigns: [dl-2018-12, dl-2019-01]\n");
        assertThat(new JobFileLoader().load(job).previousCampaigns()).containsExactly("dl-2018-12", "dl-2019-01");

        JobFileException itself = failure(JobFiles.MINIMAL + "previousCampaigns: [dl-2018-12, test-1]\n");
        assertThat(itself.key()).isEqualTo("previousCampaigns[1]");
        assertThat(itself).hasMessageContaining("this campaign itself");
        assertThat(failure(JobFiles.MINIMAL + "previousCampaigns: [a, a]\n")).hasMessageContaining("listed twice");
        assertThat(failure(JobFiles.MINIMAL + "previousCampaigns: [\"dl 2018\"]\n").key()).isEqualTo("previousCampaigns[0]");
        assertThat(failure(JobFiles.MINIMAL + "previousCampaigns: dl-2018-12\n")).hasMessageContaining("must be a list");
    }

    @Test
    void unknownZoneIsRejected() {
        JobFileException e = failure(JobFiles.MINIMAL + "zone: Asia/Tokio\n");

        assertThat(e.key()).isEqualTo("zone");
        assertThat(e).hasMessageContaining("Asia/Tokio");
    }

    @Test
    void durationWithoutUnitIsRejected() {
        JobFileException e = failure(JobFiles.MINIMAL + "retry: {minBackoff: 300}\n");

        assertThat(e.key()).isEqualTo("retry.minBackoff");
        assertThat(e).hasMessageContaining("30s, 5m, 1h, 5d");
    }

    @Test
    void minBackoffLongerThanMaxBackoffIsRejected() {
        JobFileException e = failure(JobFiles.MINIMAL + "retry: {minBackoff: 2h, maxBackoff: 1h}\n");

        assertThat(e.key()).isEqualTo("retry.maxBackoff");
    }

    @Test
    void unquotedSendWindowTimeMustBeWrittenInQuotes() {
        for (String unquoted : new String[] {"09:00", "9:00"}) {
            JobFileException e = failure(JobFiles.MINIMAL + "sendWindow: {from: " + unquoted + ", to: \"20:00\"}\n");

            assertThat(e.key()).isEqualTo("sendWindow.from");
            assertThat(e).hasMessageContaining("write it in quotes");
        }
    }

    @Test
    void sendWindowEndingBeforeItStartsIsRejected() {
        JobFileException e = failure(JobFiles.MINIMAL + "sendWindow: {from: \"20:00\", to: \"09:00\"}\n");

        assertThat(e.key()).isEqualTo("sendWindow.to");
    }

    @Test
    void missingTemplateFileNamesTheCohortAndTheFile() throws IOException {
        Files.delete(root.resolve("templates/card-leak.body.ftl"));

        JobFileException e = failure(JobFiles.MINIMAL);

        assertThat(e.key()).isEqualTo("cohorts.card");
        assertThat(e).hasMessageContaining("card-leak.body.ftl");
    }

    @Test
    void missingTemplatesFolderIsNamed() {
        JobFileException e = failure(JobFiles.MINIMAL + "templates: ../elsewhere\n");

        assertThat(e.key()).isEqualTo("templates");
        assertThat(e).hasMessageContaining("elsewhere");
    }

    @Test
    void shiftJisEncodingIsRejected() {
        JobFileException e = failure(JobFiles.MINIMAL.replace("input:\n", "input:\n  encoding: Shift_JIS\n"));

        assertThat(e.key()).isEqualTo("input.encoding");
    }

    @Test
    void senderThatIsNotOneAsciiAddressWithADottedDomainIsRejected() {
        for (String from : List.of("サポート <サポート@dlmarket.example>", "support@localhost",
                "a@dlmarket.example, b@dlmarket.example", "support")) {
            JobFileException e = failure(JobFiles.MINIMAL
                    .replace("ディー・エル・マーケット株式会社 <support@dlmarket.example>", from));

            assertThat(e.key()).as(from).isEqualTo("sender.from");
        }
    }

    @Test
    void campaignIdOutsideTheAllowedCharactersIsRejected() {
        JobFileException e = failure(JobFiles.MINIMAL.replace("campaign: test-1", "campaign: test 1/2"));

        assertThat(e.key()).isEqualTo("campaign");
    }

    @Test
    void lowerCaseCodePrefixIsRejected() {
        JobFileException e = failure(JobFiles.MINIMAL.replace("prefix: DL", "prefix: dl"));

        assertThat(e.key()).isEqualTo("managementCode.prefix");
    }

    private JobFileException failure(String yaml) {
        return jobs.rejection(root, yaml);
    }
}
