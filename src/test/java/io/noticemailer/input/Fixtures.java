package io.noticemailer.input;

import io.noticemailer.campaign.InputSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds input files from Java strings with explicit encodings, and reads them back. */
final class Fixtures {

    static final Charset WINDOWS_31J = Charset.forName("windows-31j");
    static final String HEADER = "会員ID,氏名,メールアドレス,区分";
    static final Set<String> COHORTS = Set.of("card", "form");
    static final InputSpec.Columns COLUMNS = new InputSpec.Columns("会員ID", "氏名", "メールアドレス", "区分", null);

    private Fixtures() {
    }

    static Path write(Path dir, String text, Charset charset) {
        return writeBytes(dir, text.getBytes(charset));
    }

    static Path writeBytes(Path dir, byte[]... parts) {
        try {
            Path file = Files.createTempFile(dir, "input", ".csv");
            for (byte[] part : parts) {
                Files.write(file, part, StandardOpenOption.APPEND);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputSpec spec(Path file, String encoding) {
        return spec(file, encoding, COLUMNS);
    }

    static InputSpec spec(Path file, String encoding, InputSpec.Columns columns) {
        return new InputSpec(file, encoding, columns);
    }

    static InputFile open(Path file, String encoding) {
        return new InputReader().open(file, spec(file, encoding), COHORTS);
    }

    static List<InputRow> readAll(Path file, String encoding) {
        return readAll(file, spec(file, encoding));
    }

    static List<InputRow> readAll(Path file, InputSpec spec) {
        List<InputRow> rows = new ArrayList<>();
        try (InputFile input = new InputReader().open(file, spec, COHORTS)) {
            input.forEachRemaining(rows::add);
        }
        return rows;
    }

    /** A UTF-8 file with the standard header, CRLF line ends, and the given data lines. */
    static List<InputRow> rowsOf(Path dir, String... dataLines) {
        String text = HEADER + "\r\n" + String.join("\r\n", dataLines) + "\r\n";
        return readAll(write(dir, text, StandardCharsets.UTF_8), "auto");
    }

    /** The single row of a one-line file. */
    static InputRow rowOf(Path dir, String dataLine) {
        List<InputRow> rows = rowsOf(dir, dataLine);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row, got " + rows.size());
        }
        return rows.get(0);
    }
}
