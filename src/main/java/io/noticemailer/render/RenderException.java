package io.noticemailer.render;

/**
 * A notice could not be rendered. The message names the template file and, when FreeMarker knows it,
 * the line and column; it never carries a customer's name or address, because it ends up in the
 * delivery's reason and in logs.
 */
public class RenderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
