package io.noticemailer.campaign;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code managementCode} section. Codes are generated with {@code prefix} unless an input column carries
 * them: that column may be named as {@code managementCode.column} or as {@code input.columns.managementCode}
 * (the same column when both are given); either way both the returned spec and the input's columns name it.
 * The section may be left out only when {@code input.columns.managementCode} is given.
 */
final class ManagementCodeSection {

    private static final List<String> KEYS = List.of("prefix", "column");
    private static final Pattern PREFIX = Pattern.compile("[A-Z0-9]{1,8}");

    /** The parsed spec and the input with its code column filled in. */
    record Result(ManagementCodeSpec spec, InputSpec input) {
    }

    private ManagementCodeSection() {
    }

    static Result parse(YamlMapping top, InputSpec input) {
        String inputColumn = input.columns().managementCode();
        Optional<YamlNode> section = top.optional("managementCode");
        if (section.isEmpty()) {
            if (inputColumn == null) {
                throw top.missing("managementCode");
            }
            return new Result(new ManagementCodeSpec(null, inputColumn), input);
        }
        YamlMapping codes = section.get().mapping(KEYS);
        String column = codes.optional("column").map(YamlNode::text).orElse(inputColumn);
        if (inputColumn != null && !inputColumn.equals(column)) {
            throw codes.required("column").fail("differs from input.columns.managementCode (\"" + inputColumn + "\")");
        }
        String prefix = codes.optional("prefix")
                .map(node -> node.matching(PREFIX, "1 to 8 characters A-Z or 0-9"))
                .orElse(null);
        if (prefix == null && column == null) {
            throw codes.failAt("prefix", "required key is missing (or give column, an input column carrying codes)");
        }
        return new Result(new ManagementCodeSpec(prefix, column), withCodeColumn(input, column));
    }

    private static InputSpec withCodeColumn(InputSpec input, String column) {
        InputSpec.Columns c = input.columns();
        InputSpec.Columns columns = new InputSpec.Columns(c.customerId(), c.name(), c.email(), c.cohort(), column);
        return new InputSpec(input.file(), input.encoding(), columns);
    }
}
