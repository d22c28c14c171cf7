package io.noticemailer.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV file as Excel reads it (Apache Commons CSV, RFC 4180, CRLF). In UTF-8 it starts with a BOM, without
 * which Excel takes a Japanese file for the local code page. A character the file's encoding cannot hold
 * (𠮷 in windows-31j) is written as {@code [U+20BB7]}: visible, reversible, never a silent '?'; they are
 * counted so that the command can say so. For people's files, a value Excel would run as a formula
 * (starting with = + - @ or a tab) is prefixed with an apostrophe.
 */
public final class CsvOutput implements java.io.Flushable {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final CSVPrinter printer;
    private final CharsetEncoder encoder;
    private final boolean guardFormulas;
    private long replaced;
    private String firstReplaced;

    public CsvOutput(Writer writer, Charset charset, boolean bom, boolean guardFormulas) {
        try {
            if (bom && charset.equals(StandardCharsets.UTF_8)) {
                writer.write('\uFEFF');
            }
            this.printer = new CSVPrinter(writer, CSVFormat.EXCEL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.encoder = charset.newEncoder();
        this.guardFormulas = guardFormulas;
    }

    public void row(List<String> values, String where) {
        List<String> written = new ArrayList<>(values.size());
        for (String value : values) {
            written.add(guard(representable(value == null ? "" : value, where)));
        }
        try {
            printer.printRecord(written);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many characters the encoding could not hold, and where the first was ("" when none). */
    public long replaced() {
        return replaced;
    }

    public String firstReplaced() {
        return firstReplaced == null ? "" : firstReplaced;
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    private String guard(String value) {
        return guardFormulas && !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private String representable(String value, String where) {
        if (encoder.canEncode(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        value.codePoints().forEach(cp -> {
            String character = Character.toString(cp);
            if (encoder.canEncode(character)) {
                out.append(character);
            } else {
                out.append(String.format(Locale.ROOT, "[U+%04X]", cp));
                replaced++;
                if (firstReplaced == null) {
                    firstReplaced = where;
                }
            }
        });
        return out.toString();
    }
}
