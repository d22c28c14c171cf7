package io.noticemailer.input;

import io.noticemailer.campaign.InputSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns one CSV record into an {@link InputRow}: every field trimmed, the mapped columns picked out, and the
 * first problem found described as "line N, field HEADER: what" without echoing a name or an address.
 */
final class RowChecker {

    private final HeaderLine header;
    private final String customerIdColumn;
    private final String nameColumn;
    private final String emailColumn;
    private final String cohortColumn;
    private final String managementCodeColumn;
    private final Set<String> cohorts;

    RowChecker(HeaderLine header, InputSpec.Columns columns, Set<String> cohorts) {
        this.header = header;
        this.customerIdColumn = Text.trim(Objects.requireNonNull(columns.customerId(), "columns.customerId"));
        this.nameColumn = Text.trim(Objects.requireNonNull(columns.name(), "columns.name"));
        this.emailColumn = Text.trim(Objects.requireNonNull(columns.email(), "columns.email"));
        this.cohortColumn = Text.trim(Objects.requireNonNull(columns.cohort(), "columns.cohort"));
        this.managementCodeColumn = columns.managementCode() == null ? null : Text.trim(columns.managementCode());
        this.cohorts = Set.copyOf(cohorts);
    }

    InputRow check(CsvSource.RawRecord record) {
        Map<String, String> fields = fields(record.values());
        String managementCode = managementCodeColumn == null ? null : fields.get(managementCodeColumn);
        String problem = problem(record, fields, managementCode);
        return new InputRow(record.line(), fields.get(customerIdColumn), fields.get(nameColumn),
                fields.get(emailColumn), fields.get(cohortColumn), managementCode, fields,
                problem);
    }

    private Map<String, String> fields(List<String> values) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : header.names()) {
            int position = header.position(name);
            fields.put(name, position < values.size() ? Text.trim(values.get(position)) : "");
        }
        return Collections.unmodifiableMap(fields);
    }

    private String problem(CsvSource.RawRecord record, Map<String, String> fields, String managementCode) {
        long line = record.line();
        String customerId = fields.get(customerIdColumn);
        if (customerId.isEmpty()) {
            return at(line, customerIdColumn, "no customer id");
        }
        int forbidden = Text.firstForbidden(customerId);
        if (forbidden >= 0) {
            return at(line, customerIdColumn, "control or invisible character " + Text.codePoint(forbidden));
        }
        if (record.values().size() != header.width()) {
            return fieldCount(line, record.values().size());
        }
        String name = NameRule.check(fields.get(nameColumn));
        if (name != null) {
            return at(line, nameColumn, name);
        }
        String email = AddressRule.check(fields.get(emailColumn));
        if (email != null) {
            return at(line, emailColumn, email);
        }
        String cohort = cohortProblem(fields.get(cohortColumn));
        if (cohort != null) {
            return at(line, cohortColumn, cohort);
        }
        if (managementCode != null && managementCode.isEmpty()) {
            return at(line, managementCodeColumn, "no management code");
        }
        return null;
    }

    private String fieldCount(long line, int found) {
        int width = header.width();
        String counts = found + " fields where the header has " + width;
        return found < width
                ? at(line, header.nameAt(found), "missing (" + counts + ")")
                : at(line, header.nameAt(width - 1), counts + " (an unquoted comma?)");
    }

    private String cohortProblem(String cohort) {
        if (cohort.isEmpty()) {
            return "no cohort";
        }
        return cohorts.contains(cohort) ? null : "cohort '" + Text.shown(cohort) + "' is not in the job file's cohorts";
    }

    private static String at(long line, String column, String problem) {
        return "line " + line + ", field " + column + ": " + problem;
    }
}
