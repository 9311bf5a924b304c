package dev.jhosts.cli;

/** Entry point of the {@code jhosts} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("jhosts");
    }
}
