package io.noticemailer.campaign;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One value of the job file with its dotted key path and line, giving typed, checked access.
 * Works on SnakeYAML's composed node tree rather than constructed Java objects so that every problem
 * can name its line, and so that text keeps exactly what was written (YAML 1.1 would read 9:00 as 540).
 */
final class YamlNode {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");
    private static final Pattern DECIMAL_NUMBER = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,9})?");

    /** A key of an open-ended mapping (cohorts, domains) with its value. */
    record Entry(String key, YamlNode value) {
    }

    private final Path file;
    private final String path;
    private final Node node;
    private final int line;

    /** @param line where the value's key is written: that is where a reader looks for it */
    private YamlNode(Path file, String path, Node node, int line) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.line = line;
    }

    static YamlNode root(Path file, Node node) {
        return new YamlNode(file, "", node, lineOf(node));
    }

    Path file() {
        return file;
    }

    String path() {
        return path;
    }

    int line() {
        return line;
    }

    boolean isNull() {
        return node.getTag().equals(Tag.NULL);
    }

    JobFileException fail(String problem) {
        return new JobFileException(file, path.isEmpty() ? null : path, "line " + line() + ": " + problem);
    }

    /** This value as a mapping whose keys must all be among {@code allowedKeys}. */
    YamlMapping mapping(List<String> allowedKeys) {
        Map<String, YamlNode> children = new HashMap<>();
        for (Entry entry : entries()) {
            if (!allowedKeys.contains(entry.key())) {
                throw entry.value().fail("unknown key; allowed here: " + String.join(", ", allowedKeys));
            }
            children.put(entry.key(), entry.value());
        }
        return new YamlMapping(this, children);
    }

    /** This value as a mapping with free keys, in the order written; duplicate keys are an error. */
    List<Entry> entries() {
        if (!(node instanceof MappingNode mapping)) {
            throw fail("must be a mapping of keys to values, found " + describe());
        }
        Map<String, Integer> seenAtLine = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = keyText(tuple.getKeyNode());
            YamlNode value = new YamlNode(file, childPath(key), tuple.getValueNode(), lineOf(tuple.getKeyNode()));
            Integer firstLine = seenAtLine.putIfAbsent(key, value.line());
            if (firstLine != null) {
                throw value.fail("duplicate key (first given on line " + firstLine + ")");
            }
            entries.add(new Entry(key, value));
        }
        return entries;
    }

    /** This value as a list (a YAML sequence), each item with its index in the key path. */
    List<YamlNode> items() {
        if (!(node instanceof SequenceNode sequence)) {
            throw fail("must be a list, found " + describe());
        }
        List<YamlNode> items = new ArrayList<>();
        List<Node> values = sequence.getValue();
        for (int i = 0; i < values.size(); i++) {
            items.add(new YamlNode(file, path + "[" + i + "]", values.get(i), lineOf(values.get(i))));
        }
        return items;
    }

    String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Non-blank text exactly as written (numbers and booleans included: a cohort may be called 1). */
    String text() {
        if (!(node instanceof ScalarNode scalar)) {
            throw fail("must be a single text value, found " + describe());
        }
        if (isNull() || scalar.getValue().isBlank()) {
            throw fail("must not be empty");
        }
        return scalar.getValue().strip();
    }

    /** Text that must be quoted because YAML 1.1 reads some unquoted forms of it as numbers. */
    String quotedText(String example) {
        String text = text();
        if (((ScalarNode) node).isPlain()) {
            throw fail("write it in quotes, e.g. \"" + example + "\" (unquoted, YAML may read it as a number)");
        }
        return text;
    }

    String matching(Pattern pattern, String expectation) {
        String text = text();
        if (!pattern.matcher(text).matches()) {
            throw fail("\"" + text + "\" is not valid: " + expectation);
        }
        return text;
    }

    int positiveInt() {
        String text = numberText();
        if (!WHOLE_NUMBER.matcher(text).matches() || Integer.parseInt(text) == 0) {
            throw fail("must be a whole number greater than 0, found \"" + text + "\"");
        }
        return Integer.parseInt(text);
    }

    double positiveNumber() {
        String text = numberText();
        if (!DECIMAL_NUMBER.matcher(text).matches() || Double.parseDouble(text) <= 0) {
            throw fail("must be a number greater than 0, found \"" + text + "\"");
        }
        return Double.parseDouble(text);
    }

    private String numberText() {
        if (!(node instanceof ScalarNode) || isNull()) {
            throw fail("must be a number, found " + describe());
        }
        return ((ScalarNode) node).getValue().strip();
    }

    private String keyText(Node key) {
        if (!(key instanceof ScalarNode scalar) || key.getTag().equals(Tag.NULL) || scalar.getValue().isBlank()) {
            throw new YamlNode(file, path, key, lineOf(key)).fail("keys must be plain text");
        }
        return scalar.getValue().strip();
    }

    private static int lineOf(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private String describe() {
        return switch (node.getNodeId()) {
            case mapping -> "a mapping";
            case sequence -> "a list";
            case anchor -> "an alias";
            case scalar -> isNull() ? "nothing" : "\"" + ((ScalarNode) node).getValue() + "\"";
        };
    }
}
