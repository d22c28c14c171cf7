package io.noticemailer.campaign;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The optional {@code retry} section. Durations are written {@code 30s}, {@code 5m}, {@code 1h}, {@code 5d}
 * or in ISO-8601 ({@code PT5M}); each missing value takes its {@link RetryPolicy#defaults()} value.
 */
final class RetrySection {

    private static final List<String> KEYS = List.of("minBackoff", "maxBackoff", "lifetime");
    private static final Pattern SHORT_FORM = Pattern.compile("([0-9]{1,6})([smhd])");
    private static final Map<String, ChronoUnit> UNITS = Map.of(
            "s", ChronoUnit.SECONDS, "m", ChronoUnit.MINUTES, "h", ChronoUnit.HOURS, "d", ChronoUnit.DAYS);
    private static final String EXPECTED = "must be a duration such as 30s, 5m, 1h, 5d (or ISO-8601 such as PT5M)";

    private RetrySection() {
    }

    static RetryPolicy parse(YamlNode node) {
        RetryPolicy defaults = RetryPolicy.defaults();
        YamlMapping retry = node.mapping(KEYS);
        Duration min = retry.optional("minBackoff").map(RetrySection::duration).orElse(defaults.minBackoff());
        Duration max = retry.optional("maxBackoff").map(RetrySection::duration).orElse(defaults.maxBackoff());
        Duration lifetime = retry.optional("lifetime").map(RetrySection::duration).orElse(defaults.lifetime());
        if (min.compareTo(max) > 0) {
            String problem = "minBackoff (" + min + ") must not be longer than maxBackoff (" + max + ")";
            throw retry.optional("maxBackoff").orElseGet(() -> retry.required("minBackoff")).fail(problem);
        }
        return new RetryPolicy(min, max, lifetime);
    }

    static Duration duration(YamlNode node) {
        Duration duration = parseDuration(node.text()).orElseThrow(() -> node.fail(EXPECTED));
        if (duration.isNegative() || duration.isZero()) {
            throw node.fail("must be longer than zero");
        }
        return duration;
    }

    private static Optional<Duration> parseDuration(String text) {
        Matcher shortForm = SHORT_FORM.matcher(text);
        if (shortForm.matches()) {
            return Optional.of(Duration.of(Long.parseLong(shortForm.group(1)), UNITS.get(shortForm.group(2))));
        }
        try {
            return Optional.of(Duration.parse(text.toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
