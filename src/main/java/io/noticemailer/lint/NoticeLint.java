package io.noticemailer.lint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.message.DkimKeyException;
import io.noticemailer.message.DkimSigning;
import io.noticemailer.message.NoticeCharset;
import io.noticemailer.render.RenderedNotice;

/**
 * The template lint, run by {@code validate} and before every run: the characters of the templates and of the
 * job file's texts against the job's charset, links, the rendered subject and body lines, the DKIM key, and each
 * customer's values. Findings name the file and line, the job file key, or the input line and field, and the
 * character. Not thread-safe: one per check.
 */
public final class NoticeLint {

    private static final String SMTP_EHLO_PROPERTY = "mail.smtp.localhost";

    private final JobFile job;
    private final NoticeCharset charset;
    private final TextLint text;

    public NoticeLint(JobFile job) {
        this.job = job;
        this.charset = NoticeCharset.of(job.charset());
        this.text = new TextLint(charset, job.allowedUrlDomains());
    }

    /** The templates of every cohort, the job file's own texts and the DKIM key. */
    public List<LintFinding> campaign() {
        List<LintFinding> findings = new ArrayList<>();
        findings.addAll(text.value("job file, sender.from", job.sender().displayName(), TextLint.Source.OPERATOR_TEXT));
        findings.addAll(text.value("job file, hotline.phone", job.hotline().phone(), TextLint.Source.OPERATOR_TEXT));
        findings.addAll(text.value("job file, hotline.hours", job.hotline().hours(), TextLint.Source.OPERATOR_TEXT));
        Set<String> templates = new LinkedHashSet<>(job.cohorts().values());
        for (String template : templates) {
            findings.addAll(templateFile(template + ".subject.ftl"));
            findings.addAll(templateFile(template + ".body.ftl"));
        }
        findings.addAll(dkimKey());
        return findings;
    }

    /** A notice rendered from {@code template}: subject length against the code, the code at the top, line lengths. */
    public List<LintFinding> rendered(String template, RenderedNotice notice, String managementCode) {
        return RenderedLint.check(template, notice, managementCode, charset);
    }

    /** One customer's value (never changed: findings are warnings). */
    public List<LintFinding> value(long line, String field, String value) {
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        return text.value("input line " + line + ", field " + field, value, TextLint.Source.CUSTOMER_VALUE);
    }

    /** A warning when neither the job file nor the SMTP settings name the host for EHLO. */
    public List<LintFinding> ehlo(Map<String, String> smtpProperties) {
        if (job.sender().ehlo() != null || smtpProperties.containsKey(SMTP_EHLO_PROPERTY)) {
            return List.of();
        }
        return List.of(LintFinding.warning("job file, sender.ehlo", "not set: the relay is greeted (EHLO) with this"
                + " machine's own name, often \"localhost\", which some receivers penalise; set sender.ehlo or"
                + " spring.mail.properties." + SMTP_EHLO_PROPERTY));
    }

    private List<LintFinding> templateFile(String name) {
        Path file = job.templates().resolve(name);
        try {
            // Decoded leniently on purpose: bytes that are not UTF-8 show as U+FFFD, which names their line.
            return text.file(name, new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return List.of(LintFinding.error(name, "cannot read " + file + " (" + e.getClass().getSimpleName() + ")"));
        }
    }

    private List<LintFinding> dkimKey() {
        if (job.dkim() == null) {
            return List.of();
        }
        List<LintFinding> findings = new ArrayList<>();
        try {
            DkimSigning.load(job.dkim());
        } catch (DkimKeyException e) {
            findings.add(LintFinding.error("job file, dkim.privateKeyFile", e.getMessage()));
        }
        Path key = job.dkim().privateKeyFile();
        if (!key.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return findings; // no owner, group and others on this file system: nothing to check
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(key);
            if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                findings.add(LintFinding.warning("job file, dkim.privateKeyFile", key + " can be read by other"
                        + " accounts: anyone who reads it can sign mail as " + job.dkim().domain() + " (chmod 600)"));
            }
        } catch (IOException e) {
            // A key that cannot be read at all is already an error above; one read a moment ago is worth a word.
            if (findings.isEmpty()) {
                findings.add(LintFinding.warning("job file, dkim.privateKeyFile", "cannot check who may read " + key
                        + " (" + e.getClass().getSimpleName() + "): make sure only this account can (chmod 600)"));
            }
        }
        return findings;
    }
}
