package cn.linkage.hub.exchange;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * A subscriber's place in the hub's event stream, as an opaque string: the stream's tracking token
 * (position and still-open gaps), so a resumed stream neither skips a late commit nor repeats much.
 */
public final class Cursors {

    private static final String VERSION = "c1";

    private Cursors() {
    }

    public static String encode(TrackingToken token) {
        if (!(token instanceof GapAwareTrackingToken gapAware)) {
            throw new IllegalArgumentException("unexpected token type " + token);
        }
        String gaps = gapAware.getGaps().stream().map(String::valueOf).collect(Collectors.joining(","));
        String plain = VERSION + ";" + gapAware.getIndex() + ";" + gaps;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor; a malformed one is an {@link IllegalArgumentException} naming the problem. */
    public static GapAwareTrackingToken decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split(";", -1);
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("not a cursor of this hub");
            }
            List<Long> gaps = new ArrayList<>();
            for (String gap : parts[2].isEmpty() ? new String[0] : parts[2].split(",")) {
                gaps.add(Long.parseLong(gap));
            }
            return GapAwareTrackingToken.newInstance(Long.parseLong(parts[1]), gaps);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed cursor: " + e.getMessage(), e);
        }
    }
}
