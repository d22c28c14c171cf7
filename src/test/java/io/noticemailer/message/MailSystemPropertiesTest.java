package io.noticemailer.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailSystemPropertiesTest {

    private String original;

    @BeforeEach
    void remember() {
        original = System.getProperty(MailSystemProperties.STREAM_PROVIDER_KEY);
    }

    @AfterEach
    void restore() {
        if (original == null) {
            System.clearProperty(MailSystemProperties.STREAM_PROVIDER_KEY);
        } else {
            System.setProperty(MailSystemProperties.STREAM_PROVIDER_KEY, original);
        }
    }

    @Test
    void unsetStreamProviderBecomesAngus() {
        System.clearProperty(MailSystemProperties.STREAM_PROVIDER_KEY);

        MailSystemProperties.apply();

        assertThat(System.getProperty("jakarta.mail.util.StreamProvider"))
                .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
    }

    @Test
    void operatorsOwnChoiceIsKept() {
        System.setProperty(MailSystemProperties.STREAM_PROVIDER_KEY, "com.example.OtherProvider");

        MailSystemProperties.apply();

        assertThat(System.getProperty(MailSystemProperties.STREAM_PROVIDER_KEY)).isEqualTo("com.example.OtherProvider");
    }

    @Test
    void namedProviderClassExists() throws Exception {
        assertThat(Class.forName(MailSystemProperties.ANGUS_STREAM_PROVIDER))
                .isAssignableTo(jakarta.mail.util.StreamProvider.class);
    }
}
