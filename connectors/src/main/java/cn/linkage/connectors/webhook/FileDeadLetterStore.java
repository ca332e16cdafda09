package cn.linkage.connectors.webhook;

import cn.linkage.proto.v1.DeadLetter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dead letters in memory, mirrored to one file of length-delimited {@link DeadLetter} messages that
 * is rewritten whole (to a temporary file, then atomically moved) on each change, so a restart finds
 * them again. Dead letters are few and rare, so rewriting is cheap; one file per webhook and per
 * dispatcher process (run each webhook on one hub node).
 */
public final class FileDeadLetterStore implements DeadLetterStore {

    private final Path file;
    private final Map<String, DeadLetter> letters = new LinkedHashMap<>();

    public FileDeadLetterStore(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                DeadLetter letter;
                while ((letter = DeadLetter.parseDelimitedFrom(in)) != null) {
                    letters.put(letter.getDelivery().getEventId(), letter);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read dead letters from " + file, e);
            }
        }
    }

    @Override
    public synchronized void put(DeadLetter letter) {
        letters.put(letter.getDelivery().getEventId(), letter);
        save();
    }

    @Override
    public synchronized Optional<DeadLetter> get(String eventId) {
        return Optional.ofNullable(letters.get(eventId));
    }

    @Override
    public synchronized List<DeadLetter> list() {
        return new ArrayList<>(letters.values());
    }

    @Override
    public synchronized void remove(String eventId) {
        if (letters.remove(eventId) != null) {
            save();
        }
    }

    private void save() {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                for (DeadLetter letter : letters.values()) {
                    letter.writeDelimitedTo(out);
                }
                out.flush();
                channel.force(true); // on disk before the rename makes it the file: a power cut leaves old or new
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                directory.force(true); // the rename itself
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dead letters to " + file, e);
        }
    }
}
