package io.noticemailer.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The optional keys about the message itself: {@code charset} (UTF-8, the default, or ISO-2022-JP),
 * {@code dkim} ({@code domain}, {@code selector}, {@code privateKeyFile} relative to the job file) and
 * {@code lint.allowedUrlDomains} (domains whose URLs the template lint does not warn about).
 */
final class MailSection {

    static final String UTF_8 = "UTF-8";
    static final String ISO_2022_JP = "ISO-2022-JP";
    private static final List<String> DKIM_KEYS = List.of("domain", "selector", "privateKeyFile");
    private static final List<String> LINT_KEYS = List.of("allowedUrlDomains");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");
    private static final Pattern SELECTOR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private MailSection() {
    }

    static String charset(YamlNode node) {
        String text = node.text().toUpperCase(Locale.ROOT);
        if (!text.equals(UTF_8) && !text.equals(ISO_2022_JP)) {
            throw node.fail("must be UTF-8 or ISO-2022-JP, found \"" + node.text() + "\"");
        }
        return text;
    }

    static DkimSpec dkim(YamlNode node, Path folder) {
        YamlMapping dkim = node.mapping(DKIM_KEYS);
        String domain = dkim.required("domain").text().toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(domain).matches()) {
            throw dkim.failAt("domain", "must be a domain such as example.co.jp");
        }
        String selector = dkim.required("selector").matching(SELECTOR, "a DNS label such as nm2018");
        YamlNode keyNode = dkim.required("privateKeyFile");
        Path key = folder.resolve(keyNode.text()).normalize();
        if (!Files.isReadable(key)) {
            throw keyNode.fail("cannot read the private key file " + key);
        }
        return new DkimSpec(domain, selector, key);
    }

    static List<String> allowedUrlDomains(YamlNode node) {
        return node.mapping(LINT_KEYS).optional("allowedUrlDomains").map(MailSection::domains).orElse(List.of());
    }

    private static List<String> domains(YamlNode node) {
        return node.items().stream().map(item -> {
            String domain = item.text().toLowerCase(Locale.ROOT);
            if (!DOMAIN.matcher(domain).matches()) {
                throw item.fail("must be a domain such as example.co.jp");
            }
            return domain;
        }).toList();
    }
}
