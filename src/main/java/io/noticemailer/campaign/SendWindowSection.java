package io.noticemailer.campaign;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * The optional {@code sendWindow} section: {@code from} and {@code to} as quoted {@code "HH:mm"} local times
 * in the job's zone, {@code from} before {@code to} on the same day. Quotes are required because YAML 1.1
 * reads an unquoted 9:00 as the number 540.
 */
final class SendWindowSection {

    private static final List<String> KEYS = List.of("from", "to", "zone");
    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("H:mm")
            .withResolverStyle(ResolverStyle.STRICT);

    private SendWindowSection() {
    }

    static SendWindow parse(YamlNode node, java.time.ZoneId jobZone) {
        YamlMapping window = node.mapping(KEYS);
        LocalTime from = time(window.required("from"), "09:00");
        LocalTime to = time(window.required("to"), "20:00");
        if (!from.isBefore(to)) {
            throw window.failAt("to", "must be later than from (" + from + ")");
        }
        return new SendWindow(from, to, window.optional("zone").map(JobFileLoader::zone).orElse(jobZone));
    }

    private static LocalTime time(YamlNode node, String example) {
        String text = node.quotedText(example);
        try {
            return LocalTime.parse(text, HOURS_MINUTES);
        } catch (DateTimeParseException e) {
            throw node.fail("must be a time of day such as \"" + example + "\", found \"" + text + "\"");
        }
    }
}
