package io.noticemailer.campaign;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The optional {@code throttle} section. Missing top-level values take {@link ThrottleSpec#defaults()}.
 * A per-domain entry needs {@code messagesPerSecond}; its {@code connections} defaults to
 * {@value #DEFAULT_DOMAIN_CONNECTIONS} and {@code messagesPerConnection} to {@value #DEFAULT_MESSAGES_PER_CONNECTION},
 * because carriers that need a per-domain limit are the ones that punish parallel connections.
 * Domain keys are lower-cased.
 */
final class ThrottleSection {

    static final int DEFAULT_DOMAIN_CONNECTIONS = 1;
    static final int DEFAULT_MESSAGES_PER_CONNECTION = 100;
    private static final List<String> KEYS = List.of("messagesPerSecond", "connections", "domains", "dailyQuota");
    private static final List<String> DOMAIN_KEYS = List.of("messagesPerSecond", "connections", "messagesPerConnection");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");

    private ThrottleSection() {
    }

    static ThrottleSpec parse(YamlNode node) {
        ThrottleSpec defaults = ThrottleSpec.defaults();
        YamlMapping throttle = node.mapping(KEYS);
        double rate = throttle.optional("messagesPerSecond").map(YamlNode::positiveNumber).orElse(defaults.messagesPerSecond());
        int connections = throttle.optional("connections").map(YamlNode::positiveInt).orElse(defaults.connections());
        Map<String, ThrottleSpec.DomainLimit> domains = throttle.optional("domains")
                .map(ThrottleSection::domains).orElse(defaults.domains());
        long dailyQuota = throttle.optional("dailyQuota").map(YamlNode::positiveInt).orElse(0);
        return new ThrottleSpec(rate, connections, domains, dailyQuota);
    }

    private static Map<String, ThrottleSpec.DomainLimit> domains(YamlNode node) {
        Map<String, ThrottleSpec.DomainLimit> domains = new LinkedHashMap<>();
        for (YamlNode.Entry entry : node.entries()) {
            String domain = entry.key().toLowerCase(Locale.ROOT);
            if (!DOMAIN.matcher(domain).matches()) {
                throw entry.value().fail("\"" + entry.key() + "\" is not a domain such as docomo.ne.jp");
            }
            if (domains.put(domain, limit(entry.value())) != null) {
                throw entry.value().fail("domain " + domain + " is given twice (domains are compared in lower case)");
            }
        }
        return Collections.unmodifiableMap(domains);
    }

    private static ThrottleSpec.DomainLimit limit(YamlNode node) {
        YamlMapping limit = node.mapping(DOMAIN_KEYS);
        return new ThrottleSpec.DomainLimit(
                limit.required("messagesPerSecond").positiveNumber(),
                limit.optional("connections").map(YamlNode::positiveInt).orElse(DEFAULT_DOMAIN_CONNECTIONS),
                limit.optional("messagesPerConnection").map(YamlNode::positiveInt).orElse(DEFAULT_MESSAGES_PER_CONNECTION));
    }
}
