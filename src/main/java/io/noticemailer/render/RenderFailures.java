package io.noticemailer.render;

import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.template.TemplateException;
import freemarker.template.TemplateNotFoundException;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns FreeMarker's failures into {@link RenderException}s of the form
 * {@code card-leak.body.ftl, line 12, column 5: missing variable hotline.phone}.
 * FreeMarker quotes offending values in some messages (e.g. a string that is not a number), so every
 * personal value of the model is masked before it can reach the ledger or a log.
 */
final class RenderFailures {

    static final String MASK = "***";
    /** Model keys whose values identify nothing personal and may stay readable in messages. */
    private static final Set<String> NON_PERSONAL_KEYS = Set.of("campaign", "cohort", "customerId", "managementCode");
    /** Shorter values would mask ordinary words of FreeMarker's message and carry no identity anyway. */
    private static final int MIN_MASKED_LENGTH = 2;
    private static final String FREEMARKER_SECTION_BREAK = "\n----";
    /** FreeMarker repeats the location inside its text; ours already leads the message. */
    private static final Pattern INLINE_LOCATION = Pattern.compile("\\s*\\[in template \"[^\"]*\" at line \\d+, column \\d+]");

    private RenderFailures() {
    }

    static RenderException loading(String fileName, IOException e) {
        if (e instanceof TemplateNotFoundException) {
            return new RenderException("template file " + fileName + " not found", e);
        }
        if (e instanceof ParseException p) {
            String source = p.getTemplateName() != null ? p.getTemplateName() : fileName;
            return new RenderException(located(source, p.getLineNumber(), p.getColumnNumber())
                    + ": syntax error: " + oneLine(p.getEditorMessage()), e);
        }
        return new RenderException("template file " + fileName + " could not be read: " + e.getMessage(), e);
    }

    static RenderException processing(String fileName, TemplateException e, Map<String, ?> model) {
        String source = e.getTemplateSourceName() != null ? e.getTemplateSourceName() : fileName;
        String where = e.getLineNumber() == null ? source
                : located(source, e.getLineNumber(), e.getColumnNumber() == null ? 0 : e.getColumnNumber());
        // No cause: FreeMarker's own message quotes the unmasked value and would reach a stack-trace log.
        return new RenderException(where + ": " + mask(problem(e), model));
    }

    private static String problem(TemplateException e) {
        if (e instanceof InvalidReferenceException && e.getBlamedExpressionString() != null) {
            return "missing variable " + e.getBlamedExpressionString();
        }
        String message = e.getMessageWithoutStackTop();
        int tips = message.indexOf(FREEMARKER_SECTION_BREAK);
        String description = tips < 0 ? message : message.substring(0, tips);
        return oneLine(INLINE_LOCATION.matcher(description).replaceAll(""));
    }

    private static String located(String source, int line, int column) {
        return source + ", line " + line + ", column " + column;
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String mask(String text, Map<String, ?> model) {
        String masked = text;
        for (Map.Entry<String, ?> entry : model.entrySet()) {
            if (entry.getValue() instanceof String value && value.length() >= MIN_MASKED_LENGTH
                    && !NON_PERSONAL_KEYS.contains(entry.getKey())) {
                masked = masked.replace(value, MASK);
            }
        }
        return masked;
    }
}
