package io.noticemailer.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.noticemailer.campaign.DkimSpec;
import io.noticemailer.campaign.Hotline;
import io.noticemailer.campaign.InputSpec;
import io.noticemailer.campaign.JobFile;
import io.noticemailer.campaign.ManagementCodeSpec;
import io.noticemailer.campaign.RetryPolicy;
import io.noticemailer.campaign.Sender;
import io.noticemailer.campaign.ThrottleSpec;

/** Job files for lint tests: one cohort "card" whose template "notice" is written into a test folder. */
final class LintJobs {

    static final String TEMPLATE = "notice";
    static final String GOOD_SUBJECT = "ご案内 ${managementCode}\n";
    static final String GOOD_BODY = "管理コード：${managementCode}\n\n${name} 様\n\n受付時間 ${hotline.hours}\n";

    private LintJobs() {
    }

    static JobFile job(Path dir, String charset, String subject, String body) {
        return job(dir, charset, subject, body, List.of(), null, new Hotline("0120-790-230", "9:30～18:30"));
    }

    static JobFile job(Path dir, String charset, String subject, String body, List<String> allowedDomains,
                       DkimSpec dkim, Hotline hotline) {
        writeTemplate(dir, TEMPLATE + ".subject.ftl", subject.getBytes(StandardCharsets.UTF_8));
        writeTemplate(dir, TEMPLATE + ".body.ftl", body.getBytes(StandardCharsets.UTF_8));
        return new JobFile(dir.resolve("job.yml"), "0".repeat(64), "lint-test",
                new InputSpec(null, "auto", new InputSpec.Columns("会員ID", "氏名", "メールアドレス", "区分", null)),
                new Sender("ディー・エル・マーケット株式会社", "support@dlmarket.example"), Map.of("card", TEMPLATE), hotline,
                new ManagementCodeSpec("DL", null), dir, ZoneId.of("Asia/Tokyo"), RetryPolicy.defaults(),
                ThrottleSpec.defaults(), null, charset, dkim, allowedDomains);
    }

    static void writeTemplate(Path dir, String name, byte[] bytes) {
        try {
            Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
