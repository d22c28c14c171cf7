package io.noticemailer.campaign;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code input} section: file (optional, the CLI's --input may give it), encoding and column headers. */
final class InputSection {

    private static final List<String> KEYS = List.of("file", "encoding", "columns");
    private static final List<String> COLUMN_KEYS = List.of("customerId", "name", "email", "cohort", "managementCode");
    static final String DEFAULT_ENCODING = "auto";
    private static final Map<String, String> CANONICAL_ENCODINGS = Map.of(
            "auto", DEFAULT_ENCODING,
            "utf-8", "UTF-8",
            "windows-31j", "windows-31j");

    private InputSection() {
    }

    static InputSpec parse(YamlNode node, Path jobFolder) {
        YamlMapping input = node.mapping(KEYS);
        Path file = input.optional("file").map(f -> jobFolder.resolve(f.text()).normalize()).orElse(null);
        String encoding = input.optional("encoding").map(InputSection::encoding).orElse(DEFAULT_ENCODING);
        return new InputSpec(file, encoding, columns(input.required("columns")));
    }

    private static String encoding(YamlNode node) {
        String canonical = CANONICAL_ENCODINGS.get(node.text().toLowerCase(Locale.ROOT));
        if (canonical == null) {
            throw node.fail("must be auto, UTF-8 or windows-31j (never Shift_JIS: it loses characters such as 髙 and ①)");
        }
        return canonical;
    }

    private static InputSpec.Columns columns(YamlNode node) {
        YamlMapping columns = node.mapping(COLUMN_KEYS);
        return new InputSpec.Columns(
                columns.required("customerId").text(),
                columns.required("name").text(),
                columns.required("email").text(),
                columns.required("cohort").text(),
                columns.optional("managementCode").map(YamlNode::text).orElse(null));
    }
}
