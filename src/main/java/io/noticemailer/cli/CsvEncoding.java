package io.noticemailer.cli;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;

import io.noticemailer.report.CsvWritten;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The --encoding of CSV exports: UTF-8 (with BOM) or windows-31j, the latter to a file only. */
final class CsvEncoding {

    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    private CsvEncoding() {
    }

    static Charset of(String name, boolean csv, Path out, CommandSpec spec) {
        Charset charset;
        try {
            charset = Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ParameterException(spec.commandLine(), "--encoding " + name + ": UTF-8 or windows-31j");
        }
        if (!charset.equals(StandardCharsets.UTF_8) && !charset.equals(WINDOWS_31J)) {
            throw new ParameterException(spec.commandLine(), "--encoding " + name + ": UTF-8 or windows-31j");
        }
        if (!csv && !charset.equals(StandardCharsets.UTF_8)) {
            throw new ParameterException(spec.commandLine(), "--encoding applies to CSV only");
        }
        if (out == null && !charset.equals(StandardCharsets.UTF_8)) {
            throw new ParameterException(spec.commandLine(), "--encoding " + name + " needs --out FILE (stdout is UTF-8)");
        }
        return charset;
    }

    /** Says on stderr how many characters the encoding lacked, and where the first was. */
    static void warnReplaced(CsvWritten written, Charset charset, CommandSpec spec) {
        if (written.replaced() > 0) {
            spec.commandLine().getErr().printf("notice-mailer: %d characters that %s cannot hold were written as [U+XXXX]"
                    + " (first: %s); use UTF-8 to keep them as they are%n", written.replaced(), charset.name(),
                    written.firstReplaced());
            spec.commandLine().getErr().flush();
        }
    }
}
