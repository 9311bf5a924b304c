package dev.jhosts.master;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The sockets in a control directory that may have a master behind them. Two kinds are passed
 * by: jhosts' own ({@link OwnSockets}), and a master's socket that is still being put in place.
 * mux.c's muxserver_listen binds a temporary {@code ControlPath.XXXXXXXXXXXXXXXX} (sixteen
 * letters and digits), then link()s it to the ControlPath and unlinks it. A connect between its
 * bind and its listen is refused, so the temporary socket looks stale; removed then, the link()
 * fails and that ssh dies with "link mux listener ...". Nothing may probe or remove it.
 */
public final class MasterSockets {
    private static final Pattern BEING_PLACED = Pattern.compile(".+\\.[A-Za-z0-9]{16}");

    private MasterSockets() {}

    /** The sockets in {@code directory} (not through links) that may be masters; none when it cannot be read. */
    public static List<Path> in(Path directory) {
        List<Path> sockets = new ArrayList<>();
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return sockets;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (!OwnSockets.isOwn(entry) && !beingPlaced(entry) && isSocket(entry)) {
                    sockets.add(entry);
                }
            }
        } catch (IOException e) {
            // a directory that cannot be read holds nothing we can use; doctor says why
        }
        return sockets;
    }

    /** Whether {@code socket} is named like ssh's temporary socket beside a ControlPath. */
    static boolean beingPlaced(Path socket) {
        Path name = socket.getFileName();
        return name != null && BEING_PLACED.matcher(name.toString()).matches();
    }

    /** A socket (what "other" is among the files of a control directory), not through a link. */
    public static boolean isSocket(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
        } catch (IOException e) {
            return false;
        }
    }
}
