package io.retrobridge.mapping;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts edits of the mapping files in force without a restart. {@code routes/mappings-reload.yaml} calls
 * {@link #reloadIfChanged()} on a timer; the admin API calls {@link #reloadNow()}. Valid files replace the
 * running mapping; invalid ones are refused, the last good mapping keeps running, and the refusal is
 * remembered for health and the admin API. Each distinct broken text is logged once, not on every poll.
 */
public class MappingReloader {

    private static final Logger log = LoggerFactory.getLogger(MappingReloader.class);

    private final Path dir;
    private final MappingLoader loader;
    private final CurrentMappings current;
    private final Clock clock;

    private MappingFolderFingerprint lastSeen;
    /** Hash of the text last loaded or refused: a poll that sees it again does nothing. */
    private String lastAttemptedHash;
    private volatile Instant loadedAt;
    private volatile MappingRefusal lastRefusal;

    private MappingReloader(Path dir, MappingLoader loader, CurrentMappings current, Clock clock,
                            MappingFolderFingerprint atLoad, Instant loadedAt) {
        this.dir = dir;
        this.loader = loader;
        this.current = current;
        this.clock = clock;
        this.lastSeen = atLoad;
        this.lastAttemptedHash = atLoad.contentHash();
        this.loadedAt = loadedAt;
    }

    /**
     * Loads the folder for the start of the service. The fingerprint is taken before loading, so an edit
     * made while loading is picked up by the first poll rather than missed.
     */
    public static MappingReloader loadAtStartup(Path dir, MappingLoader loader, Clock clock)
            throws MappingValidationException {
        MappingFolderFingerprint before = MappingFolderFingerprint.take(dir, null, clock.instant());
        LoadedMappings loaded = loader.load(dir);
        return new MappingReloader(dir, Objects.requireNonNull(loader), new CurrentMappings(loaded), clock, before,
                clock.instant());
    }

    public CurrentMappings currentMappings() {
        return current;
    }

    /** Loads the files when their content differs from the last text loaded or refused. */
    public synchronized ReloadOutcome reloadIfChanged() {
        lastSeen = MappingFolderFingerprint.take(dir, lastSeen, clock.instant());
        if (lastSeen.contentHash().equals(lastAttemptedHash)) {
            return new ReloadOutcome(ReloadOutcome.Result.UNCHANGED, current.get(), List.of());
        }
        return load(lastSeen);
    }

    /** Loads the files whether or not they changed (an admin asked). */
    public synchronized ReloadOutcome reloadNow() {
        lastSeen = MappingFolderFingerprint.take(dir, null, clock.instant());
        return load(lastSeen);
    }

    public MappingStatus status() {
        return new MappingStatus(current.get(), loadedAt, Optional.ofNullable(lastRefusal));
    }

    private ReloadOutcome load(MappingFolderFingerprint seen) {
        lastAttemptedHash = seen.contentHash();
        List<MappingProblem> problems;
        try {
            LoadedMappings loaded = loader.load(dir);
            current.replace(loaded);
            loadedAt = clock.instant();
            lastRefusal = null;
            log.info("mappings reloaded: {} (from {})", loaded.summary(), dir);
            return new ReloadOutcome(ReloadOutcome.Result.RELOADED, loaded, List.of());
        } catch (MappingValidationException e) {
            problems = e.problems();
        } catch (RuntimeException e) {
            // Whatever went wrong, the running mapping must survive it.
            problems = List.of(new MappingProblem(dir.toString(), 1, 1, "", "the files could not be loaded: " + e,
                    "check the files with validate-mappings; if they are valid, report this error"));
        }
        MappingRefusal previous = lastRefusal;
        if (previous == null || !previous.contentHash().equals(seen.contentHash())) {
            for (MappingProblem problem : problems) {
                log.warn("mapping edit in {} refused, the last good mapping keeps running: {}", dir, problem.format());
            }
        }
        lastRefusal = new MappingRefusal(clock.instant(), problems, seen.contentHash());
        return new ReloadOutcome(ReloadOutcome.Result.REFUSED, current.get(), problems);
    }
}
