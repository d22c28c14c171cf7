package io.noticemailer.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.noticemailer.message.NoticeCharset;

/**
 * Character and link checks on a piece of notice text. Text the operator controls (templates, job file values)
 * must be sendable as it is: a character the charset cannot carry is an error there. A customer's own value is
 * never changed: there it is a warning, and that customer's notice goes out in UTF-8. Not thread-safe.
 */
final class TextLint {

    /** How a character the charset cannot carry counts. */
    enum Source { OPERATOR_TEXT, CUSTOMER_VALUE }

    private static final Pattern LINK = Pattern.compile("(?i)(?:\\b(?:https?|ftp)://(?:[^\\s/@]*@)?|\\bwww\\.)"
            + "([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)");
    private static final Pattern WWW = Pattern.compile("(?i)www\\..*");

    private final NoticeCharset charset;
    private final IntPredicate carrier;
    private final Map<Integer, Boolean> carried = new HashMap<>();
    private final CharacterRules rules = new CharacterRules();
    private final List<String> allowedDomains;

    TextLint(NoticeCharset charset, List<String> allowedDomains) {
        this.charset = charset;
        this.carrier = charset.carrier();
        this.allowedDomains = allowedDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
    }

    /** Every line of a template file: findings name the file, line and column. */
    List<LintFinding> file(String file, String text) {
        List<LintFinding> findings = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String prefix = file + ", line " + (i + 1);
            findings.addAll(line(lines[i], prefix, true, Source.OPERATOR_TEXT));
        }
        return findings;
    }

    /** One value: a job file key or an input field; findings name {@code where} and the character. */
    List<LintFinding> value(String where, String text, Source source) {
        return line(text, where, false, source);
    }

    private List<LintFinding> line(String text, String where, boolean withColumn, Source source) {
        List<LintFinding> findings = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int column = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int cp = text.codePointAt(i);
            column++;
            String at = withColumn ? where + ", column " + column : where;
            LintFinding finding = character(cp, at, source);
            if (finding != null && seen.add(finding.problem())) {
                findings.add(finding);
            }
        }
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            String host = link.group(1).toLowerCase(Locale.ROOT);
            if (!allowed(host) && seen.add(host)) {
                findings.add(LintFinding.warning(where, "link to " + host + ": a notice with links looks like the"
                        + " phishing it warns about, and carriers let users reject mail with URLs (allow the domain"
                        + " in lint.allowedUrlDomains if the link must stay)"));
            }
        }
        return findings;
    }

    private LintFinding character(int cp, String at, Source source) {
        String forbidden = CharacterRules.forbidden(cp);
        if (forbidden != null) {
            String problem = CharacterRules.describe(cp) + ": " + forbidden;
            return source == Source.OPERATOR_TEXT ? LintFinding.error(at, problem) : LintFinding.warning(at, problem);
        }
        if (!carried.computeIfAbsent(cp, carrier::test)) {
            return unsendable(cp, at, source);
        }
        if (charset == NoticeCharset.UTF_8) {
            String risk = rules.featurePhoneRisk(cp);
            return risk == null ? null : LintFinding.warning(at, CharacterRules.describe(cp) + ": " + risk);
        }
        return null;
    }

    private LintFinding unsendable(int cp, String at, Source source) {
        String why = CharacterRules.describe(cp) + " cannot be sent in " + charset.mimeName()
                + (isHalfWidthKatakana(cp) ? " (half-width katakana: write it in full-width)" : " (not in JIS X 0208)");
        return source == Source.OPERATOR_TEXT ? LintFinding.error(at, why)
                : LintFinding.warning(at, why + ": this customer's notice will go out in UTF-8");
    }

    private boolean allowed(String host) {
        String bare = WWW.matcher(host).matches() ? host.substring("www.".length()) : host;
        return allowedDomains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d) || bare.equals(d));
    }

    private static boolean isHalfWidthKatakana(int cp) {
        return cp >= 0xFF61 && cp <= 0xFF9F;
    }
}
