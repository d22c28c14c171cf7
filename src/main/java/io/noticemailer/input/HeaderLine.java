package io.noticemailer.input;

import io.noticemailer.campaign.InputSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The header record: trimmed column names and their positions. A column with an empty header (Excel's trailing
 * empty cells) is counted for the field count but not named. Messages quote only configured column names:
 * a file without a header line would otherwise echo a customer's data.
 */
record HeaderLine(int width, List<String> names, Map<String, Integer> positions) {

    static HeaderLine of(Path file, CsvSource.RawRecord header, InputSpec.Columns columns) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> positions = new HashMap<>();
        List<String> configured = configured(columns);
        for (int i = 0; i < header.values().size(); i++) {
            String name = Text.trim(header.values().get(i));
            if (name.isEmpty()) {
                continue;
            }
            Integer earlier = positions.putIfAbsent(name, i);
            if (earlier != null) {
                throw wrongColumns(file, header.line(), "columns " + (earlier + 1) + " and " + (i + 1)
                        + " have the same header" + (configured.contains(name) ? " '" + name + "'" : ""));
            }
            names.add(name);
        }
        for (String wanted : configured) {
            if (!positions.containsKey(wanted)) {
                throw wrongColumns(file, header.line(), "no column '" + wanted + "' in the header line");
            }
        }
        return new HeaderLine(header.values().size(), Collections.unmodifiableList(names),
                Collections.unmodifiableMap(positions));
    }

    int position(String name) {
        return positions.get(name);
    }

    /** The header of a column for messages; "column N" when that column's header is empty. */
    String nameAt(int position) {
        return positions.entrySet().stream()
                .filter(entry -> entry.getValue() == position)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("column " + (position + 1));
    }

    private static List<String> configured(InputSpec.Columns columns) {
        return Stream.of(columns.customerId(), columns.name(), columns.email(), columns.cohort(),
                        columns.managementCode())
                .filter(name -> name != null)
                .map(Text::trim)
                .toList();
    }

    private static InputFileException wrongColumns(Path file, long line, String problem) {
        return new InputFileException(file, line, "wrong columns: " + problem);
    }
}
