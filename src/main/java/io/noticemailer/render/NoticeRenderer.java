package io.noticemailer.render;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Renders a notice (subject and body) from the templates {@code N.subject.ftl} and {@code N.body.ftl}
 * in one folder. Thread-safe: FreeMarker parses each template once and caches it.
 */
public final class NoticeRenderer {

    static final String SUBJECT_SUFFIX = ".subject.ftl";
    static final String BODY_SUFFIX = ".body.ftl";
    private static final String MANAGEMENT_CODE_KEY = "managementCode";
    /** Template names become file names: keep them plain so they cannot leave the folder. */
    private static final Pattern TEMPLATE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    /** Anything a mail header would read as a line break. */
    private static final Pattern LINE_BREAK = Pattern.compile("[\\r\\n\\u0085\\u2028\\u2029]");
    private static final Pattern ANY_LINE_END = Pattern.compile("\\r\\n?");

    private final Path templatesDir;
    private final Configuration configuration;

    public NoticeRenderer(Path templatesDir) {
        this.templatesDir = templatesDir;
        this.configuration = FreemarkerConfigurations.create(templatesDir);
    }

    public RenderedNotice render(String templateName, Map<String, ?> model) {
        String code = managementCode(templateName, model);
        String subjectFile = fileName(templateName, SUBJECT_SUFFIX);
        String subject = process(subjectFile, model).strip();
        if (LINE_BREAK.matcher(subject).find()) {
            throw new RenderException(subjectFile + ": subject is not a single line");
        }
        if (!subject.endsWith(code)) {
            throw new RenderException(subjectFile + ": subject does not end with the management code");
        }
        String bodyFile = fileName(templateName, BODY_SUFFIX);
        String body = lineFeedsOnly(process(bodyFile, model)).stripTrailing();
        if (body.isEmpty()) {
            throw new RenderException(bodyFile + ": body is empty");
        }
        return new RenderedNotice(subject, body + "\n");
    }

    /** Templates saved with LF need no pass of the regular expression: this runs once per message. */
    private static String lineFeedsOnly(String text) {
        return text.indexOf('\r') < 0 ? text : ANY_LINE_END.matcher(text).replaceAll("\n");
    }

    /** File name to SHA-256 (lower-case hex) of the raw bytes of each template's subject and body file. */
    public Map<String, String> templateHashes(Collection<String> templateNames) {
        Map<String, String> hashes = new TreeMap<>();
        for (String name : templateNames) {
            for (String suffix : new String[] {SUBJECT_SUFFIX, BODY_SUFFIX}) {
                String file = fileName(name, suffix);
                hashes.put(file, sha256(file));
            }
        }
        return hashes;
    }

    Configuration configuration() {
        return configuration;
    }

    private String process(String fileName, Map<String, ?> model) {
        Template template;
        try {
            template = configuration.getTemplate(fileName);
        } catch (IOException e) {
            throw RenderFailures.loading(fileName, e);
        }
        StringWriter out = new StringWriter();
        try {
            template.process(model, out);
        } catch (TemplateException e) {
            throw RenderFailures.processing(fileName, e, model);
        } catch (IOException e) {
            throw new RenderException(fileName + ": could not be rendered: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static String managementCode(String templateName, Map<String, ?> model) {
        if (model.get(MANAGEMENT_CODE_KEY) instanceof String code && !code.isBlank()) {
            return code;
        }
        throw new RenderException("template " + templateName + ": the model has no " + MANAGEMENT_CODE_KEY);
    }

    private static String fileName(String templateName, String suffix) {
        if (templateName == null || !TEMPLATE_NAME.matcher(templateName).matches()) {
            throw new RenderException("template name '" + templateName + "' is not a plain name (letters, digits, - and _)");
        }
        return templateName + suffix;
    }

    private String sha256(String fileName) {
        Path file = templatesDir.resolve(fileName);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new RenderException("template file " + file + " could not be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
