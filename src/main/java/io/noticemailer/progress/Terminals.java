package io.noticemailer.progress;

import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * Whether stderr (where the bar goes) is a terminal. {@code System.console()} only tells about stdin and
 * stdout; JLine (which the progress bar uses) asks about the one stream we draw on.
 */
final class Terminals {

    private Terminals() {
    }

    static boolean stderrIsTerminal() {
        try {
            return TerminalProvider.load("exec").isSystemStream(SystemStream.Error);
        } catch (Exception | LinkageError e) {
            return false;
        }
    }
}
