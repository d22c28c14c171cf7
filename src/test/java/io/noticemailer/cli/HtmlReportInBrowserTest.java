package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.noticemailer.smtp.ScriptedSmtpServer;
import io.noticemailer.support.DataSourceProps;
import io.noticemailer.support.HeadlessChromium;
import io.noticemailer.support.MariaDbTest;

/**
 * The HTML report of a real run, opened in headless Chromium: the screenshot must be a rendered page (the
 * chart's bars drawn in their colour), and the DOM as the browser built it must hold the ledger's numbers.
 */
@MariaDbTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlReportInBrowserTest {

    /** The chart's bar colour (#2b6cb0). */
    private static final int BAR_RGB = 0x2b6cb0;

    @TempDir
    Path temp;

    private ScriptedSmtpServer relay;
    private CliHarness cli;
    private CampaignWorkspace job;
    private Path page;

    @BeforeAll
    void runAndReport(DataSourceProps database, @TempDir Path workspace) throws Exception {
        relay = ScriptedSmtpServer.start()
                .failRecipient("yamazaki@example.jp", "550 5.1.1 <yamazaki@example.jp>: Recipient address rejected")
                .dropAfterData(4);
        cli = new CliHarness(database, CliHarness.smtp(relay.port()));
        job = CampaignWorkspace.of(workspace, "html-report");
        assertThat(cli.run("run", job.jobFile()).exitCode()).isEqualTo(ExitCodes.NEEDS_OPERATOR);
        page = workspace.resolve("report.html");
        CliHarness.Result report = cli.run("report", job.jobFile(), "--format", "html", "--out", page.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
    }

    @AfterAll
    void stop() throws Exception {
        cli.close();
        relay.close();
    }

    @Test
    void givenTheReportInChromiumThenTheScreenshotIsARenderedPageWithTheChartDrawn() throws Exception {
        Path png = temp.resolve("report.png");

        new HeadlessChromium(temp).screenshot(page, png, 1200, 1400);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        Set<Integer> colours = new HashSet<>();
        long barPixels = 0;
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                barPixels += rgb == BAR_RGB ? 1 : 0;
                inked += rgb == 0xFFFFFF ? 0 : 1;
            }
        }
        assertThat(colours.size()).as("distinct colours: text, tables and chart were drawn").isGreaterThan(50);
        assertThat(barPixels).as("pixels of the chart's bars").isGreaterThan(1000);
        assertThat(inked).as("pixels that are not background").isGreaterThan(20_000);
    }

    @Test
    void givenTheDomChromiumBuiltThenItHoldsTheLedgersTotalsChartFailuresAndUnknownList() throws Exception {
        Document dom = Jsoup.parse(new HeadlessChromium(temp).dumpDom(page));

        Map<String, Integer> counts = Map.of("SENT", count("SENT"), "FAILED", count("FAILED"), "INVALID",
                count("INVALID"), "UNKNOWN", count("UNKNOWN"));
        assertThat(dom.getElementById("campaign").text()).isEqualTo(job.campaign());
        assertThat(dom.getElementById("total").text()).isEqualTo(String.valueOf(CampaignWorkspace.EXAMPLE_CUSTOMERS));
        counts.forEach((status, n) -> assertThat(dom.selectFirst("#status-" + status + " td.total").text())
                .as(status).isEqualTo(String.valueOf(n)));
        assertThat(counts.get("SENT")).isEqualTo(CampaignWorkspace.EXAMPLE_VALID - 2);
        long charted = dom.select("svg#chart rect.bar").stream().mapToLong(r -> Long.parseLong(r.attr("data-count"))).sum();
        assertThat(charted).isEqualTo(counts.get("SENT").longValue());
        assertThat(dom.getElementById("chart-max").text()).isNotEmpty();
        Element failures = dom.getElementById("failures");
        assertThat(failures.select("tbody tr")).anySatisfy(row -> assertThat(row.text())
                .contains("FAILED", "550 5.1.1", "example.jp", "y***@example.jp"));
        assertThat(failures.select("tbody tr")).anySatisfy(row -> assertThat(row.text()).contains("INVALID"));
        assertThat(dom.getElementById("unknown-count").text()).isEqualTo("1");
        String unknownCustomer = cli.jdbc().queryForObject("SELECT customer_id FROM delivery WHERE campaign_id = ?"
                + " AND status = 'UNKNOWN'", String.class, job.campaign());
        assertThat(dom.select("#unknown tbody tr")).singleElement()
                .satisfies(row -> assertThat(row.child(0).text()).isEqualTo(unknownCustomer));
        assertThat(dom.select("script, link, img, iframe, object, embed")).isEmpty();
        assertThat(dom.select("[src], [href]")).isEmpty();
        assertThat(dom.text()).doesNotContain("yamazaki@example.jp").doesNotContain("山﨑");
    }

    private int count(String status) {
        return cli.jdbc().queryForObject("SELECT COUNT(*) FROM delivery WHERE campaign_id = ? AND status = ?",
                Integer.class, job.campaign(), status);
    }
}
