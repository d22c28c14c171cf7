package io.noticemailer.campaign;

/** Prefix of generated codes; {@code column} names an input column that carries codes instead (or null). */
public record ManagementCodeSpec(String prefix, String column) {
}
