package io.noticemailer.campaign;

import java.util.Map;
import java.util.Optional;

/** The checked keys of one mapping of the job file; a key written with no value counts as absent. */
final class YamlMapping {

    private final YamlNode owner;
    private final Map<String, YamlNode> children;

    YamlMapping(YamlNode owner, Map<String, YamlNode> children) {
        this.owner = owner;
        this.children = children;
    }

    Optional<YamlNode> optional(String key) {
        return Optional.ofNullable(children.get(key)).filter(child -> !child.isNull());
    }

    YamlNode required(String key) {
        return optional(key).orElseThrow(() -> missing(key));
    }

    boolean has(String key) {
        return optional(key).isPresent();
    }

    JobFileException missing(String key) {
        return failAt(key, "required key is missing");
    }

    /** A problem with a key that may not be written at all, located at this mapping. */
    JobFileException failAt(String key, String problem) {
        String where = owner.path().isEmpty() ? "" : " (in " + owner.path() + " on line " + owner.line() + ")";
        return new JobFileException(owner.file(), owner.childPath(key), problem + where);
    }
}
