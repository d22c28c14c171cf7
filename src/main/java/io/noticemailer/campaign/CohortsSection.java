package io.noticemailer.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code cohorts} mapping (cohort column value to template name) and the {@code templates} folder:
 * every template a cohort names must have both its subject and its body file.
 */
final class CohortsSection {

    static final String DEFAULT_TEMPLATES = "../templates";
    static final String SUBJECT_SUFFIX = ".subject.ftl";
    static final String BODY_SUFFIX = ".body.ftl";
    private static final Pattern TEMPLATE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private CohortsSection() {
    }

    static Path templatesFolder(YamlMapping top, Path jobFolder) {
        Optional<YamlNode> node = top.optional("templates");
        Path folder = jobFolder.resolve(node.map(YamlNode::text).orElse(DEFAULT_TEMPLATES)).normalize();
        if (!Files.isDirectory(folder)) {
            String problem = "the templates folder " + folder + " does not exist";
            throw node.map(n -> n.fail(problem))
                    .orElseGet(() -> top.failAt("templates", problem + " (the default is " + DEFAULT_TEMPLATES + ")"));
        }
        return folder;
    }

    /** Cohort values in the order written, each checked to have its two template files in {@code templates}. */
    static Map<String, String> parse(YamlNode node, Path templates) {
        List<YamlNode.Entry> entries = node.entries();
        if (entries.isEmpty()) {
            throw node.fail("must name at least one cohort");
        }
        Map<String, String> cohorts = new LinkedHashMap<>();
        for (YamlNode.Entry entry : entries) {
            String template = entry.value().matching(TEMPLATE_NAME, "a template name uses only A-Z a-z 0-9 . _ -");
            requireFile(entry.value(), templates.resolve(template + SUBJECT_SUFFIX));
            requireFile(entry.value(), templates.resolve(template + BODY_SUFFIX));
            cohorts.put(entry.key(), template);
        }
        return Collections.unmodifiableMap(cohorts);
    }

    private static void requireFile(YamlNode cohort, Path templateFile) {
        if (!Files.isRegularFile(templateFile)) {
            throw cohort.fail("template file " + templateFile + " does not exist");
        }
    }
}
