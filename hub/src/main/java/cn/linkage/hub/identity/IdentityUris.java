package cn.linkage.hub.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How a client certificate names the party it was issued to: one subject alternative name URI,
 * {@code urn:linkage:platform:110} for a platform or {@code urn:linkage:unit:110/<unit code>} for a
 * handling unit acting through its platform. Codes outside ASCII are percent-encoded (UTF-8), since a
 * URI name is an ASCII string. The subject DN is only shown, never trusted: CN spellings differ between
 * CAs, a URI in a SAN does not.
 */
public final class IdentityUris {

    static final String PLATFORM = "urn:linkage:platform:";
    static final String UNIT = "urn:linkage:unit:";

    private IdentityUris() {
    }

    public static String platform(String platform) {
        return PLATFORM + encode(platform);
    }

    public static String unit(String platform, String unit) {
        return UNIT + encode(platform) + "/" + encode(unit);
    }

    /** The platform and unit (null for a platform) a URI names, or empty if it is not one of ours. */
    static Optional<String[]> parse(String uri) {
        String text;
        try {
            text = new URI(uri).getSchemeSpecificPart(); // decodes percent escapes
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String plain = "urn:" + text;
        if (plain.startsWith(PLATFORM)) {
            String platform = plain.substring(PLATFORM.length());
            return valid(platform) ? Optional.of(new String[] {platform, null}) : Optional.empty();
        }
        if (plain.startsWith(UNIT)) {
            String rest = plain.substring(UNIT.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                return Optional.empty();
            }
            String platform = rest.substring(0, slash);
            String unit = rest.substring(slash + 1);
            return valid(platform) && valid(unit) ? Optional.of(new String[] {platform, unit}) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Same limits as the API's codes (64 characters), with no separators or control characters. */
    private static boolean valid(String code) {
        return !code.isBlank() && code.codePointCount(0, code.length()) <= 64
               && code.codePoints().noneMatch(c -> c == '/' || Character.isISOControl(c) || Character.isWhitespace(c));
    }

    private static String encode(String code) {
        StringBuilder out = new StringBuilder();
        for (byte b : code.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                || c == '.') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
