package io.noticemailer.ledger;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The input columns of a delivery, kept as JSON so that a later run renders without the input file. */
final class FieldsJson {

    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {
    };

    private final ObjectMapper mapper = JsonMapper.builder().build();

    String write(Map<String, String> fields) {
        return mapper.writeValueAsString(fields);
    }

    Map<String, String> read(String json) {
        return mapper.readValue(json, FIELDS);
    }
}
