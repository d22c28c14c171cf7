package io.noticemailer.campaign;

import java.nio.file.Path;

/**
 * DKIM signing: the signing domain (d=), the selector (s=) and the file holding the PKCS#8 private key.
 * Only the key's path is in the job file, never the key.
 */
public record DkimSpec(String domain, String selector, Path privateKeyFile) {
}
