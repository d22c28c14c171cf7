package io.noticemailer.message;

/**
 * JVM-wide Jakarta Mail settings that must be in place before the first mail class loads.
 *
 * <p>Without an explicit stream provider, jakarta.mail-api repeats a ServiceLoader scan on every
 * {@code MimeUtility.encodeText}/{@code encode} (jakartaee/mail-api issue 861), which dominated the cost of
 * building messages. Naming Angus's provider skips the scan.
 */
public final class MailSystemProperties {

    static final String STREAM_PROVIDER_KEY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    private MailSystemProperties() {
    }

    /** Sets the stream provider unless the operator already chose one (e.g. with {@code -D}). */
    public static void apply() {
        if (System.getProperty(STREAM_PROVIDER_KEY) == null) {
            System.setProperty(STREAM_PROVIDER_KEY, ANGUS_STREAM_PROVIDER);
        }
    }
}
