package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.noticemailer.support.DataSourceProps;
import io.noticemailer.support.MariaDbTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import inside the real job, with chunks of two lines, so that repeated customer ids fall into later
 * chunks: the chunk written without lookups clashes with the ledger's unique keys inside the step's own
 * transaction, and must still end every line as one delivery or one rejected line.
 */
@MariaDbTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportEndToEndTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @TempDir
    Path temp;

    private CliHarness cli;

    @BeforeAll
    void startApplication(DataSourceProps database) {
        Map<String, Object> settings = new HashMap<>(CliHarness.smtp(smtp.getSmtp().getPort()));
        settings.put("notice-mailer.send.import-chunk-size", 2);
        cli = new CliHarness(database, settings);
    }

    @AfterAll
    void stopApplication() {
        cli.close();
    }

    @Test
    void givenCustomerIdsRepeatedInLaterImportChunksThenEachLineEndsAsOneDeliveryOrOneRejectedLine() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "import-chunks").withInput(
                "会員ID,氏名,メールアドレス,区分,決済日時",
                "1,髙橋 一郎,ichiro@example.com,card,2018/10/18 09:12",
                "2,山﨑 花子,hanako@example.com,form,",
                "3,佐藤 健,ken@example.com,card,2018/10/19 10:00",
                "1,髙橋 二郎,jiro@example.com,card,2018/10/18 09:13",
                "2,山﨑 美和,miwa@example.com,form,",
                "4,小林 花子,kobayashi@example.com,form,",
                ",名無し 太郎,nanashi@example.com,form,",
                "5,田中 亮,ryo@example.com,card,2018/11/02 09:41");

        CliHarness.Result run = cli.run("run", job.jobFile());
        CliHarness.Result again = cli.run("run", job.jobFile());
        JsonNode status = JsonMapper.builder().build().readTree(cli.run("status", job.jobFile(), "--json").out());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(status.get("total").asInt()).isEqualTo(5);
        assertThat(status.get("rejectedLines").asInt()).isEqualTo(3);
        assertThat(status.get("statuses").get("SENT").asInt()).isEqualTo(5);
        assertThat(smtp.getReceivedMessages()).hasSize(5);
        List<String> rejected = cli.jdbc().queryForList(
                "SELECT reason FROM rejected_line WHERE campaign_id = ? ORDER BY line_no", String.class, job.campaign());
        assertThat(rejected).containsExactly(
                "line 5: customer id already on line 2 (the first line wins)",
                "line 6: customer id already on line 3 (the first line wins)",
                "line 8, field 会員ID: no customer id");
    }
}
