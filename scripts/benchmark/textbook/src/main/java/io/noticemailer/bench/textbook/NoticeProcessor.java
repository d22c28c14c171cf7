package io.noticemailer.bench.textbook;

import java.util.Map;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.ui.freemarker.FreeMarkerTemplateUtils;

import freemarker.template.Configuration;

/**
 * Renders the cohort's FreeMarker templates and builds the message with MimeMessageHelper, as the Spring
 * documentation shows. The management code is a stand-in made from the customer id: this job has no ledger.
 * An address that Jakarta Mail cannot parse filters the item out (returns null), so the job sends fewer.
 */
class NoticeProcessor implements ItemProcessor<Recipient, MimeMessage> {

    private static final Map<String, String> TEMPLATES = Map.of("card", "card-leak", "form", "fake-form-only");
    private static final Map<String, String> HOTLINE = Map.of("phone", "0120-790-230", "hours", "9:30~18:30(土・日・祝祭日を含む)");

    private final JavaMailSender mailSender;
    private final Configuration freemarker;

    NoticeProcessor(JavaMailSender mailSender, Configuration freemarker) {
        this.mailSender = mailSender;
        this.freemarker = freemarker;
    }

    @Override
    public MimeMessage process(Recipient recipient) throws Exception {
        String template = TEMPLATES.get(recipient.cohort());
        Map<String, Object> model = Map.of("name", recipient.name(), "managementCode", "DL-" + recipient.customerId(),
                "hotline", HOTLINE, "決済日時", recipient.paidAt() == null ? "" : recipient.paidAt());
        String subject = FreeMarkerTemplateUtils.processTemplateIntoString(
                freemarker.getTemplate(template + ".subject.ftl"), model).strip();
        String body = FreeMarkerTemplateUtils.processTemplateIntoString(freemarker.getTemplate(template + ".body.ftl"), model);
        MimeMessage message = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
        helper.setFrom("support@dlmarket.example", "ディー・エル・マーケット株式会社");
        try {
            helper.setTo(recipient.email());
        } catch (AddressException e) {
            // Legacy carrier mailboxes (taro..yamada@docomo.ne.jp) fail Jakarta Mail's parser: filtered, not sent.
            return null;
        }
        helper.setSubject(subject);
        helper.setText(body);
        return message;
    }
}
