package io.noticemailer.throttle;

import java.util.LinkedHashMap;
import java.util.Map;

import io.noticemailer.campaign.ThrottleSpec;
import io.noticemailer.campaign.ThrottleSpec.DomainLimit;

/**
 * Limits for the receivers that matter most to Japanese notices, used unless the job file names the domain
 * itself. The mobile carriers ask bulk senders for few connections, at most 100 recipients per session and
 * no bursts; over-eager senders get 421 or 4.7.x replies and then silent filtering, which for a breach
 * notice is the worst outcome. These are conservative starting points, not published numbers.
 */
public final class DomainDefaults {

    private static final DomainLimit CARRIER = new DomainLimit(2, 1, 100);
    private static final Map<String, DomainLimit> DEFAULTS = defaults();

    private DomainDefaults() {
    }

    /** The built-in table, in the order the README lists it. */
    public static Map<String, DomainLimit> table() {
        return DEFAULTS;
    }

    /** The built-in table with the job file's {@code throttle.domains} entries replacing or adding rows. */
    static Map<String, DomainLimit> withOverrides(ThrottleSpec spec) {
        Map<String, DomainLimit> limits = new LinkedHashMap<>(DEFAULTS);
        limits.putAll(spec.domains());
        return Map.copyOf(limits);
    }

    private static Map<String, DomainLimit> defaults() {
        Map<String, DomainLimit> table = new LinkedHashMap<>();
        table.put("docomo.ne.jp", CARRIER);
        table.put("ezweb.ne.jp", CARRIER);
        table.put("au.com", CARRIER);
        table.put("softbank.ne.jp", CARRIER);
        table.put("i.softbank.jp", CARRIER);
        table.put("gmail.com", new DomainLimit(10, 2, 100));
        table.put("yahoo.co.jp", new DomainLimit(5, 2, 100));
        return java.util.Collections.unmodifiableMap(table);
    }
}
