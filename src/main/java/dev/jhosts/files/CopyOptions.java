package dev.jhosts.files;

/**
 * How a copy behaves.
 *
 * @param recursive copy directories with their contents ({@code -r}); symbolic links inside are copied as links
 * @param preserve keep modification and access times and modes ({@code -p})
 * @param partial write into {@code NAME.part}, renamed when complete, kept when the copy stops
 * @param resume continue a {@code NAME.part} left by an earlier copy (implies {@code partial})
 * @param noClobber leave existing destination files alone (scp overwrites them)
 */
public record CopyOptions(boolean recursive, boolean preserve, boolean partial, boolean resume, boolean noClobber) {
    public static final String PART_SUFFIX = ".part";

    public CopyOptions {
        partial = partial || resume;
    }
}
