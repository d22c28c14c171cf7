package io.noticemailer.cli;

import java.util.Locale;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.core.convert.ConversionFailedException;

/**
 * A setting Spring Boot could not bind at startup ({@code SPRING_MAIL_PORT=abc}, a chunk size of 0), on one line:
 * the setting, its value unless it may be a secret, where it came from, and why it is wrong.
 */
final class SettingProblem {

    private static final String[] SECRET_WORDS = {"password", "secret", "credential", "token", "key"};

    private SettingProblem() {
    }

    /** The innermost binding failure in {@code exception}'s causes (it names the most precise setting), or null. */
    static BindException find(Throwable exception) {
        BindException found = null;
        for (Throwable t = exception; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof BindException bind) {
                found = bind;
            }
        }
        return found;
    }

    static String describe(BindException bind) {
        String name = bind.getName().toString();
        ConfigurationProperty property = bind.getProperty();
        String why = why(bind);
        if (property == null && why.startsWith(name + ".")) {
            return "configuration error: setting " + why; // our settings' checks name the key themselves
        }
        StringBuilder text = new StringBuilder("configuration error: setting ").append(name);
        if (property != null) {
            if (!mayBeSecret(name)) {
                text.append(" = \"").append(property.getValue()).append('"');
            }
            if (property.getOrigin() != null) {
                text.append(" (").append(property.getOrigin()).append(')');
            }
        }
        return text.append(": ").append(why).toString();
    }

    private static String why(BindException bind) {
        Throwable cause = bind.getCause();
        if (cause instanceof ConversionFailedException conversion && conversion.getTargetType() != null) {
            return "not a valid " + conversion.getTargetType().getType().getSimpleName();
        }
        Throwable root = bind;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static boolean mayBeSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
