package cn.linkage.hub.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;

/**
 * The exchange cursor: a subscriber's place in the global stream, position and still-open gaps. A cursor must
 * come back as exactly the token it was made from — a lost gap would skip a late commit on resume, a lost
 * position would replay or skip — and anything else must be refused with a reason, never read as a start.
 */
class CursorsTest {

    private static String plain(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void positionWithoutGapsRoundTrips() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(42, List.of());

        GapAwareTrackingToken decoded = Cursors.decode(Cursors.encode(token));

        assertThat(decoded.getIndex()).isEqualTo(42);
        assertThat(decoded.getGaps()).isEmpty();
        assertThat(decoded).isEqualTo(token);
    }

    @Test
    void gapsSurviveTheCursorSoALateCommitIsStillDelivered() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(20, List.of(3L, 11L, 19L));

        GapAwareTrackingToken decoded = Cursors.decode(Cursors.encode(token));

        assertThat(decoded.getIndex()).isEqualTo(20);
        assertThat(decoded.getGaps()).containsExactly(3L, 11L, 19L);
        assertThat(decoded.covers(GapAwareTrackingToken.newInstance(11, List.of())))
                .as("position 11 was a gap: an event stored there later is still ahead of the cursor").isFalse();
        assertThat(decoded.covers(GapAwareTrackingToken.newInstance(12, List.of(3L, 11L))))
                .as("position 12 was read").isTrue();
    }

    @Test
    void theStartOfTheStoreRoundTrips() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(-1, List.of());
        assertThat(Cursors.decode(Cursors.encode(token))).isEqualTo(token);
    }

    @Test
    void manyTokensWithGapsRoundTripExactly() {
        Random random = new Random(20260302);
        for (int i = 0; i < 500; i++) {
            long index = random.nextInt(1_000_000);
            TreeSet<Long> gaps = new TreeSet<>();
            int gapCount = random.nextInt(6);
            for (int g = 0; g < gapCount && index > 0; g++) {
                gaps.add((long) random.nextInt((int) index));
            }
            GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(index, gaps);
            String cursor = Cursors.encode(token);

            assertThat(Cursors.decode(cursor)).as(cursor).isEqualTo(token);
            assertThat(cursor).as("url-safe, unpadded").matches("[A-Za-z0-9_-]+");
        }
    }

    @Test
    void cursorsOfDifferentPlacesDiffer() {
        List<String> cursors = new ArrayList<>();
        cursors.add(Cursors.encode(GapAwareTrackingToken.newInstance(10, List.of())));
        cursors.add(Cursors.encode(GapAwareTrackingToken.newInstance(11, List.of())));
        cursors.add(Cursors.encode(GapAwareTrackingToken.newInstance(11, List.of(10L))));
        cursors.add(Cursors.encode(GapAwareTrackingToken.newInstance(11, List.of(9L, 10L))));
        assertThat(cursors).doesNotHaveDuplicates();
    }

    @Test
    void theFormatIsVersionPositionAndGaps() {
        assertThat(Cursors.encode(GapAwareTrackingToken.newInstance(7, List.of(2L, 5L)))).isEqualTo(plain("c1;7;2,5"));
        assertThat(Cursors.decode(plain("c1;7;"))).isEqualTo(GapAwareTrackingToken.newInstance(7, List.of()));
    }

    @Test
    void onlyGapAwareTokensAreCursors() {
        assertThatThrownBy(() -> Cursors.encode(new GlobalSequenceTrackingToken(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unexpected token type");
    }

    @Test
    void malformedCursorsAreRefusedNamingTheProblem() {
        List<String> malformed = List.of(
                "not base64 at all!",
                plain("c2;7;"),          // another version
                plain("c1;7"),           // no gaps part
                plain("c1;7;;"),         // a part too many
                plain("c1;seven;"),      // position not a number
                plain("c1;7;2,x"),       // gap not a number
                plain("c1;3;7"),         // a gap beyond the position
                plain(""));
        for (String cursor : malformed) {
            assertThatThrownBy(() -> Cursors.decode(cursor)).as(cursor)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("malformed cursor");
        }
    }
}
