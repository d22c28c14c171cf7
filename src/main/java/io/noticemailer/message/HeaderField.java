package io.noticemailer.message;

/** One header field of a built message: its value already encoded and folded, exactly as it goes on the wire. */
record HeaderField(String name, String value) {

    /** Name, colon, space, value: the form Jakarta Mail stores and writes (a folded value keeps its CRLF folds). */
    String line() {
        return name + ": " + value;
    }
}
