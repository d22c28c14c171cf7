package io.noticemailer.campaign;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a job file's bytes and parses them into the root {@link YamlNode}; syntax errors name the line. */
final class YamlDocument {

    /** A job file is a few dozen lines: anything near this is not one. */
    private static final int MAX_CODE_POINTS = 1_000_000;
    private static final int MAX_ALIASES = 20;
    private static final int MAX_NESTING = 20;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private YamlDocument() {
    }

    static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new JobFileException(file, null, "cannot read the job file: " + e);
        }
    }

    static YamlNode parse(Path file, byte[] bytes) {
        String text = decode(file, bytes);
        Node root;
        try {
            root = newYaml().compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new JobFileException(file, null, syntaxError(e));
        } catch (YAMLException e) {
            throw new JobFileException(file, null, "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new JobFileException(file, null, "the job file is empty");
        }
        return YamlNode.root(file, root);
    }

    private static String decode(Path file, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new JobFileException(file, null, "the job file must be saved as UTF-8");
        }
    }

    /** Only composes nodes (never constructs objects), so {@link YamlNode} itself rejects duplicate keys. */
    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CODE_POINTS);
        return new Yaml(new SafeConstructor(options));
    }

    private static String syntaxError(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
        if (mark == null) {
            return "YAML syntax error: " + problem;
        }
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": YAML syntax error: " + problem;
    }
}
