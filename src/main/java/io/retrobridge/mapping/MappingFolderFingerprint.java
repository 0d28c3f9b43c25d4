package io.retrobridge.mapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What the mapping files of a folder look like right now: each file's size and last-modified time, and
 * a hash of their content. Two fingerprints with the same hash mean the same mapping text.
 *
 * @param stamps      one per file the loader reads, in order; size -1 when the file is absent
 * @param contentHash SHA-256 over the names and contents of those files
 * @param takenAt     when the content was last hashed
 */
record MappingFolderFingerprint(List<FileStamp> stamps, String contentHash, Instant takenAt) {

    /**
     * A file modified this close to the last hash may have changed again within the file system's
     * timestamp resolution without changing size, so its content is hashed again (as git does for
     * "racily clean" files).
     */
    static final Duration RACY_WINDOW = Duration.ofSeconds(2);

    record FileStamp(String name, long size, Instant modified) {
    }

    MappingFolderFingerprint {
        stamps = List.copyOf(stamps);
    }

    /**
     * Stats the files and hashes them only when a stamp changed (or is too recent to trust), so a poll
     * of an unchanged folder reads no content.
     *
     * @param previous the fingerprint of the last poll, or null to hash regardless
     */
    static MappingFolderFingerprint take(Path dir, MappingFolderFingerprint previous, Instant now) {
        List<FileStamp> stamps = stamps(dir);
        if (previous != null && previous.stamps.equals(stamps) && !racy(stamps, previous.takenAt)) {
            return previous;
        }
        return new MappingFolderFingerprint(stamps, hash(dir, stamps), now);
    }

    private static boolean racy(List<FileStamp> stamps, Instant hashedAt) {
        return stamps.stream().anyMatch(stamp -> stamp.modified() != null
                && !stamp.modified().isBefore(hashedAt.minus(RACY_WINDOW)));
    }

    private static List<FileStamp> stamps(Path dir) {
        List<FileStamp> stamps = new ArrayList<>();
        for (String name : MappingLoader.KNOWN_FILES) {
            Path file = dir.resolve(name);
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                stamps.add(new FileStamp(name, attributes.size(), attributes.lastModifiedTime().toInstant()));
            } catch (IOException absentOrUnreadable) {
                stamps.add(new FileStamp(name, -1, null));
            }
        }
        return stamps;
    }

    private static String hash(Path dir, List<FileStamp> stamps) {
        MessageDigest digest = sha256();
        for (FileStamp stamp : stamps) {
            digest.update(stamp.name().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(content(dir.resolve(stamp.name()), stamp));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The bytes to hash: the content, or a marker for a file the loader refuses to read anyway. */
    private static byte[] content(Path file, FileStamp stamp) {
        if (stamp.size() < 0) {
            return "<absent>".getBytes(StandardCharsets.UTF_8);
        }
        if (stamp.size() > SafeYaml.MAX_FILE_BYTES) {
            return ("<too large:" + stamp.size() + ":" + stamp.modified() + ">").getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return ("<unreadable:" + e.getClass().getSimpleName() + ">").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
