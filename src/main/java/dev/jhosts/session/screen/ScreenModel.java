package dev.jhosts.session.screen;

import java.util.List;
import java.util.function.Consumer;

/** TEMPORARY STUB (not to be committed): the helper's model replaces it. */
public final class ScreenModel {
    public ScreenModel(int columns, int rows) {}
    public void feed(byte[] bytes, int offset, int length) {}
    public void resize(int columns, int rows) {}
    public byte[] repaint() { return new byte[0]; }
    public byte[] leave() { return new byte[0]; }
    public List<String> lines() { return List.of(); }
    public List<byte[]> takeScrolledOff() { return List.of(); }
    public long footprint() { return 0; }
    public void setReplies(Consumer<byte[]> replies) {}
}
