package io.noticemailer.cli;

/** Recognises H2's refusal to open a database file that another process has open. */
final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    static boolean inUseByAnotherProcess(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains("Database may be already in use")) {
                return true;
            }
        }
        return false;
    }
}
